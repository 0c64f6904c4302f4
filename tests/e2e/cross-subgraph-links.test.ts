import { DEMO } from '../../subgraphs/shared/demo/ids';
import { postGraphQL } from '../support/graphql-client';
import { startTestHub, TestHub } from '../support/hub';
import { personaToken } from '../support/tokens';

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The links each subgraph adds to another's entity, so one query walks the whole chain a regulator or a
 * hospital follows: order → its delivery (distribution) → the payable it opened (insurance) → the
 * products' manufacturers (distribution) → their bans (quality). Each link is scoped like the node it
 * reaches: what the caller may not see is null (or absent from a list), never another's row.
 */
describe('links between subgraphs: Order.delivery, Delivery.settlement, Enterprise.bans', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  }, 120_000);
  afterAll(() => hub?.close());

  it('walks from a hospital’s orders to their deliveries, the payables they opened, and the makers’ bans', async () => {
    const response = await hub.query<{ orders: { nodes: Row[] } }>(
      'hospital',
      `{ orders(page: { first: 50 }) { nodes { id state
          delivery { id status order { id } settlement(asOf: "2026-11-30") { status amount delivery { id } } }
          lines { product { manufacturer { name bans(on: "2026-11-30") { regionCode endsOn } } } } } } }`,
    );
    expect(response.body.errors).toBeUndefined();
    const orders = response.body.data!.orders.nodes;
    const delivered = orders.filter((o) => o.delivery);
    expect(delivered.length).toBeGreaterThan(0);
    // Each delivery is the order's own, and its payable is the delivery's own.
    for (const order of delivered) {
      expect(order.delivery.order.id).toBe(order.id);
      if (order.delivery.settlement) expect(order.delivery.settlement.delivery.id).toBe(order.delivery.id);
    }
    expect(delivered.some((o) => o.delivery.settlement?.status)).toBe(true);
    // An order not shipped yet has no delivery, and that is null rather than an error.
    expect(orders.some((o) => o.state === 'PLACED' && o.delivery === null)).toBe(true);
  });

  it('resolves an entity named many times in one answer once, and gives every occurrence its own right values', async () => {
    // The hospital's payables repeat the same few products across their lines: each product reaches the
    // procurement subgraph once (the gateway deduplicates representations), and each line still shows it.
    const response = await hub.query<{ settlements: { nodes: Row[] } }>(
      'hospital',
      `{ settlements(page: { first: 50 }) { nodes { id lines { product { id name manufacturer { id name } } } } } }`,
    );
    expect(response.body.errors).toBeUndefined();
    const lines = response.body.data!.settlements.nodes.flatMap((s: Row) => s.lines as Row[]);
    const ids = lines.map((l) => l.product.id as string);
    expect(new Set(ids).size).toBeLessThan(ids.length);
    for (const id of new Set(ids)) {
      const { body } = await hub.query<{ product: Row }>('hospital', `query ($id: ID!) { product(id: $id) { id name manufacturer { id name } } }`, { id });
      for (const line of lines.filter((l) => l.product.id === id)) expect(line.product).toEqual(body.data!.product);
    }
  });

  it('shows a hospital the bans that bind its region, on the manufacturer itself (G-08)', async () => {
    const response = await hub.query<{ product: Row }>('hospital', `query ($id: ID!) { product(id: $id) { manufacturer { id bans(on: "${new Date().toISOString().slice(0, 10)}") { regionCode reason } } } }`, {
      id: DEMO.products.metforminJintong,
    });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.product.manufacturer.bans).toEqual([expect.objectContaining({ regionCode: '440200' })]);
  });

  it('answers for another organisation’s order or delivery as if it had none (the edge is scoped like its node)', async () => {
    // Called directly on the subgraphs, as the gateway would, with ids the Shaoguan hospital does not own.
    const token = await personaToken('hospital');
    const foreign = await hub.db.query<{ order_id: string; delivery_id: string }>(
      `SELECT d.order_id, d.id AS delivery_id FROM distribution.delivery d WHERE d.institution_id <> $1 LIMIT 1`,
      [DEMO.institutions.shaoguanHospital],
    );
    expect(foreign).toHaveLength(1);
    const order = await postGraphQL<{ _entities: Row[] }>(
      hub.subgraphUrl('distribution'),
      { query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Order { id delivery { id } } } }', variables: { r: [{ __typename: 'Order', id: foreign[0].order_id }] } },
      { token },
    );
    expect(order.body.errors).toBeUndefined();
    expect(order.body.data!._entities[0].delivery).toBeNull();
    const delivery = await postGraphQL<{ _entities: Row[] }>(
      hub.subgraphUrl('insurance'),
      { query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Delivery { id settlement { id } } } }', variables: { r: [{ __typename: 'Delivery', id: foreign[0].delivery_id }] } },
      { token },
    );
    expect(delivery.body.errors).toBeUndefined();
    expect(delivery.body.data!._entities[0].settlement).toBeNull();
  });
});
