import { DEMO } from '../../subgraphs/shared/demo/ids';
import { errorCodes } from '../support/graphql-client';
import { eventually } from '../support/eventually';
import { CONFIRM_RECEIPT, GUICHI_HOSPITAL, JIANGHUAI, ok, orderAndShip, PLACE_ORDER } from '../support/flow';
import { startTestHub, TestHub } from '../support/hub';
import { tokenFor } from '../support/tokens';

describe('idempotent mutations under concurrent retries', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub.close());

  it('ten concurrent placeOrder retries with one key create one order and all get it', async () => {
    const hospital = { token: await tokenFor(GUICHI_HOSPITAL) };
    const input = { distributorId: JIANGHUAI.org, idempotencyKey: 'concurrent-order-01', lines: [{ productId: DEMO.products.atorvastatinLingnan, quantity: 7, unitPrice: '0.12' }] };
    const responses = await Promise.all(Array.from({ length: 10 }, () => hub.query<{ placeOrder: { id: string } }>(hospital, PLACE_ORDER, { input })));
    expect(responses.flatMap(errorCodes)).toEqual([]);
    expect(new Set(responses.map((r) => r.body.data!.placeOrder.id)).size).toBe(1);
    const [{ n }] = await hub.db.query(`SELECT count(*)::int AS n FROM procurement.purchase_order WHERE idempotency_key = 'concurrent-order-01'`);
    expect(n).toBe(1);
  });

  it('ten concurrent recordPayment retries with one key pay once and all get the same answer', async () => {
    const { deliveryId, hospital } = await orderAndShip(hub, [{ productId: DEMO.products.atorvastatinLingnan, quantity: 10, unitPrice: '0.12' }]);
    ok(await hub.query(hospital, CONFIRM_RECEIPT, { id: deliveryId, at: new Date().toISOString() }));
    const { settlementStatus } = await eventually(async () => ok(await hub.query<{ settlementStatus: { id: string } }>(hospital, `{ settlementStatus(deliveryId: "${deliveryId}") { id } }`)));
    const input = { settlementId: settlementStatus.id, amount: '1.2', idempotencyKey: 'concurrent-pay-0001' };
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => hub.query<{ recordPayment: { status: string } }>(hospital, 'mutation ($input: RecordPaymentInput!) { recordPayment(input: $input) { status } }', { input })),
    );
    expect(responses.flatMap(errorCodes)).toEqual([]);
    expect(responses.map((r) => r.body.data!.recordPayment.status)).toEqual(Array(10).fill('PAID'));
    const [{ n }] = await hub.db.query('SELECT count(*)::int AS n FROM insurance.payment WHERE settlement_id = $1', [settlementStatus.id]);
    expect(n).toBe(1);
  });
});

describe('shipOrder under retries', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub.close());

  it('returns the first delivery to a retry with the same key, and CONFLICT to the key reused for another order', async () => {
    const hospital = { token: await tokenFor(GUICHI_HOSPITAL) };
    const distributor = { token: await tokenFor(JIANGHUAI) };
    const SHIP = 'mutation ($input: ShipOrderInput!) { shipOrder(input: $input) { id } }';
    const place = async () =>
      ok(await hub.query<{ placeOrder: { id: string } }>(hospital, PLACE_ORDER, { input: { distributorId: JIANGHUAI.org, lines: [{ productId: DEMO.products.atorvastatinLingnan, quantity: 7, unitPrice: '0.12' }] } })).placeOrder.id;
    const [first, second] = [await place(), await place()];
    const shipped = await eventually(async () => ok(await hub.query<{ shipOrder: { id: string } }>(distributor, SHIP, { input: { orderId: first, idempotencyKey: 'ship-retry-0001' } })));
    const retries = await Promise.all(Array.from({ length: 5 }, () => hub.query<{ shipOrder: { id: string } }>(distributor, SHIP, { input: { orderId: first, idempotencyKey: 'ship-retry-0001' } })));
    expect(retries.map((r) => r.body.data?.shipOrder.id)).toEqual(Array(5).fill(shipped.shipOrder.id));
    await eventually(async () => {
      const other = await hub.query(distributor, SHIP, { input: { orderId: second, idempotencyKey: 'ship-retry-0001' } });
      expect(errorCodes(other)).toEqual(['CONFLICT']);
    });
    const [{ n }] = await hub.db.query('SELECT count(*)::int AS n FROM distribution.delivery WHERE order_id = ANY($1)', [[first, second]]);
    expect(n).toBe(1);
  });
});
