import { randomUUID } from 'node:crypto';
import { DEMO } from '../../subgraphs/shared/demo/ids';
import { DEMO_ORDERS } from '../../subgraphs/shared/demo/orders';
import { todayInChina } from '../../subgraphs/shared/graphql/scalars';
import { eventually } from '../support/eventually';
import { errorCodes } from '../support/graphql-client';
import { ok, PLACE_ORDER, SHIP_ORDER } from '../support/flow';
import { startTestHub, TestHub } from '../support/hub';
import { recordOutboxEvent } from '../support/outbox-events';
import { tokenFor } from '../support/tokens';

const P = DEMO.products;
const E = DEMO.enterprises;
const I = DEMO.institutions;
const CANCEL = `mutation ($input: CancelOrderInput!) { cancelOrder(input: $input) { id state version cancelledAt cancelReason } }`;
const ORDERS = `query ($f: OrderFilter) { orders(filter: $f, page: { first: 100 }) { nodes { id state } } }`;

describe('P-12 orders: filters and cancellation; P-10 selection and Q-03 bans in placeOrder', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub.close());

  const place = (productId: string, unitPrice: string, who: Parameters<TestHub['query']>[0] = 'hospital') =>
    hub.query<{ placeOrder: { id: string } }>(who, PLACE_ORDER, { input: { distributorId: E.yuebeiDistribution, lines: [{ productId, quantity: 10, unitPrice }] } });

  async function orderCount(): Promise<number> {
    const [{ n }] = await hub.db.query('SELECT count(*)::int AS n FROM procurement.purchase_order');
    return n as number;
  }

  it('P-12 filters orders by state, institution, product, distributor and placed dates, within scope', async () => {
    const ids = (r: { orders: { nodes: Array<{ id: string }> } }) => r.orders.nodes.map((n) => n.id).sort();
    const shaoguan = DEMO_ORDERS.filter((o) => o.institutionId === I.shaoguanHospital);
    const withAmlodipine = shaoguan.filter((o) => o.lines.some((l) => l.productId === P.amlodipineHuayue)).map((o) => o.id).sort();
    expect(ids(ok(await hub.query('hospital', ORDERS, { f: { productId: P.amlodipineHuayue } })))).toEqual(withAmlodipine);
    expect(ids(ok(await hub.query('hospital', ORDERS, { f: { distributorId: E.yuebeiDistribution, state: 'PLACED' } })))).toEqual(shaoguan.filter((o) => o.shippedDaysAgo === null).map((o) => o.id));
    expect(ids(ok(await hub.query('hospital', ORDERS, { f: { distributorId: E.jintongPharma } })))).toEqual([]);
    const recent = shaoguan.filter((o) => o.placedDaysAgo <= 8).map((o) => o.id).sort();
    const from = new Date(Date.now() + 8 * 3600_000 - 8 * 86_400_000).toISOString().slice(0, 10);
    expect(ids(ok(await hub.query('hospital', ORDERS, { f: { placedFrom: from, placedTo: todayInChina() } })))).toEqual(recent);
    expect(ids(ok(await hub.query('insurance-regulator', ORDERS, { f: { institutionId: I.lvliangHospital } })))).toEqual([]);
    expect(errorCodes(await hub.query('hospital', ORDERS, { f: { placedFrom: '2026-02-30' } }))).toEqual(['BAD_USER_INPUT']);
  });

  it('P-12 lets the ordering institution cancel a PLACED order; distribution can then no longer ship it', async () => {
    const { placeOrder } = ok(await place(P.atorvastatinLingnan, '0.12'));
    await eventually(async () => expect((await hub.db.query('SELECT 1 FROM distribution.order_copy WHERE id = $1', [placeOrder.id])).length).toBe(1));
    const { cancelOrder } = ok(await hub.query<{ cancelOrder: { state: string; version: number; cancelReason: string; cancelledAt: string } }>('hospital', CANCEL, { input: { orderId: placeOrder.id, reason: '临床需求变更', expectedVersion: 1 } }));
    expect(cancelOrder).toMatchObject({ state: 'CANCELLED', version: 2, cancelReason: '临床需求变更' });
    const [event] = await hub.db.query(`SELECT payload FROM procurement.outbox_event WHERE type = 'OrderCancelled' AND key = $1`, [placeOrder.id]);
    expect(event.payload).toMatchObject({ orderId: placeOrder.id, institutionId: I.shaoguanHospital, distributorId: E.yuebeiDistribution, reason: '临床需求变更' });
    await eventually(async () => expect((await hub.db.query('SELECT 1 FROM distribution.order_copy WHERE id = $1', [placeOrder.id])).length).toBe(0));
    const shipped = await hub.query('distributor', SHIP_ORDER, { orderId: placeOrder.id });
    expect(errorCodes(shipped)).toEqual(['NOT_FOUND']);
    expect(await hub.db.query('SELECT 1 FROM distribution.delivery WHERE order_id = $1', [placeOrder.id])).toEqual([]);
  });

  it('P-12 refuses to cancel an order past PLACED (CONFLICT), a stale version (CONFLICT) and another institution’s order (NOT_FOUND), changing nothing', async () => {
    const shipped = DEMO_ORDERS.find((o) => o.institutionId === I.shaoguanHospital && o.shippedDaysAgo !== null && o.acceptedDaysAgo === null)!;
    expect(errorCodes(await hub.query('hospital', CANCEL, { input: { orderId: shipped.id, reason: '太晚' } }))).toEqual(['CONFLICT']);
    const { placeOrder } = ok(await place(P.atorvastatinLingnan, '0.12'));
    expect(errorCodes(await hub.query('hospital', CANCEL, { input: { orderId: placeOrder.id, reason: '过期', expectedVersion: 7 } }))).toEqual(['CONFLICT']);
    const township = { token: await tokenFor({ subject: 'town', role: 'INSTITUTION', region: '440203', org: I.shaoguanTownship }) };
    const other = await hub.query(township, CANCEL, { input: { orderId: placeOrder.id, reason: '不是我的' } });
    expect(errorCodes(other)).toEqual(['NOT_FOUND']);
    expect(errorCodes(await hub.query('distributor', CANCEL, { input: { orderId: placeOrder.id, reason: '配送企业' } }))).toEqual(['FORBIDDEN']);
    const rows = await hub.db.query(`SELECT state, version FROM procurement.purchase_order WHERE id = ANY($1) ORDER BY state`, [[placeOrder.id, shipped.id]]);
    expect(rows.map((r) => r.state).sort()).toEqual(['PLACED', 'SHIPPED']);
    expect(await hub.db.query(`SELECT 1 FROM procurement.outbox_event WHERE type = 'OrderCancelled' AND key = ANY($1)`, [[placeOrder.id, shipped.id]])).toEqual([]);
  });

  it('P-12 a cancellation that reaches distribution after the order was shipped leaves the delivery standing', async () => {
    const shipped = DEMO_ORDERS.find((o) => o.institutionId === I.shaoguanHospital && o.shippedDaysAgo !== null && o.acceptedDaysAgo === null)!;
    const event = await recordOutboxEvent(hub, 'procurement', 'OrderCancelled', shipped.id, {
      orderId: shipped.id, institutionId: I.shaoguanHospital, regionCode: '440203', distributorId: E.yuebeiDistribution, reason: '迟到的取消', cancelledAt: new Date().toISOString(),
    });
    await eventually(async () => expect(await hub.db.query('SELECT 1 FROM distribution.inbox WHERE event_id = $1', [event.id])).toHaveLength(1));
    expect(await hub.db.query('SELECT 1 FROM distribution.order_copy WHERE id = $1', [shipped.id])).toHaveLength(1);
    expect(await hub.db.query('SELECT 1 FROM distribution.delivery WHERE order_id = $1', [shipped.id])).toHaveLength(1);
  });

  it('P-10 no longer selects a drug that did not pass consistency evaluation once 3 manufacturers of its generic name did', async () => {
    const generic = `测试通用名-${randomUUID().slice(0, 8)}`;
    const makers = [E.lingnanPharma, E.jintongPharma, E.bayuMedical, E.huayuePharma];
    const ids = makers.map(() => randomUUID());
    for (const [i, id] of ids.entries()) {
      await hub.db.query(
        `INSERT INTO procurement.product (id, kind, name, generic_name, dosage_form, specification, pack, manufacturer_id, nhsa_code, passed_consistency_evaluation)
         VALUES ($1, 'DRUG', $2, $2, '片剂', '10mg', '10片/盒', $3, $4, $5)`,
        [id, generic, makers[i], `TEST-${id}`, i < 2],
      );
      await hub.db.query(`INSERT INTO procurement.listing (id, product_id, region_code, listed_price, unit, status, listed_on) VALUES ($1, $2, '440000', 1, '片', 'LISTED', '2025-01-01')`, [randomUUID(), id]);
    }
    const notEvaluated = ids[3];
    // Two evaluated manufacturers: still selectable.
    ok(await place(notEvaluated, '1'));
    await hub.db.query('UPDATE procurement.product SET passed_consistency_evaluation = true WHERE id = $1', [ids[2]]);
    const before = await orderCount();
    const refused = await place(notEvaluated, '1');
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.body.errors![0].message).toMatch(/^P-10: .*3 manufacturers/);
    expect(refused.body.errors![0].extensions).toMatchObject({ rule: 'P-10', field: 'lines[0].productId' });
    expect(await orderCount()).toBe(before);
    ok(await place(ids[0], '1'));
    const selection = ok(await hub.query<{ products: { nodes: Array<{ id: string; selection: { selectable: boolean; reason: string | null } }> } }>('manufacturer', `query ($g: String) { products(filter: { genericName: $g }, page: { first: 10 }) { nodes { id selection { selectable reason } } } }`, { g: generic }));
    const byId = new Map(selection.products.nodes.map((n) => [n.id, n.selection]));
    expect(byId.get(notEvaluated)).toEqual({ selectable: false, reason: expect.stringMatching(/^P-10/) });
    expect(byId.get(ids[0])).toEqual({ selectable: true, reason: null });
  });

  it('G-08/Q-03 refuses orders of a banned manufacturer’s products in the ban’s region while it runs, and stops once lifted', async () => {
    const banId = randomUUID();
    const ban = { banId, enterpriseId: E.huayuePharma, regionCode: '440200', startsOn: '2025-01-01', endsOn: '2027-12-31', reason: '拒不支付赔偿（失信）', liftedOn: null };
    ok(await place(P.amlodipineHuayue, '0.058'));
    await recordOutboxEvent(hub, 'quality', 'EnterpriseBanned', `${E.huayuePharma}:440200`, ban);
    const before = await eventually(async () => {
      const [row] = await hub.db.query('SELECT 1 FROM procurement.enterprise_ban WHERE ban_id = $1', [banId]);
      expect(row).toBeDefined();
      return orderCount();
    });
    const refused = await place(P.amlodipineHuayue, '0.058');
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.body.errors![0].message).toMatch(/^Q-03\/G-08/);
    expect(await orderCount()).toBe(before);
    // Another manufacturer's product, and an institution outside the ban's region, are unaffected.
    ok(await place(P.atorvastatinLingnan, '0.12'));
    const chongqing = { token: await tokenFor({ subject: 'cq-h', role: 'INSTITUTION', region: '500103', org: I.chongqingHospital }) };
    ok(await place(P.amlodipineHuayue, '0.058', chongqing));

    await recordOutboxEvent(hub, 'quality', 'EnterpriseBanned', `${E.huayuePharma}:440200`, { ...ban, liftedOn: todayInChina() });
    await eventually(async () => ok(await place(P.amlodipineHuayue, '0.058')));
  });
});
