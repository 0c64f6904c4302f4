import { ACTOR_SETTINGS, SYSTEM_ACTOR } from '../../subgraphs/shared/db/request-transaction';
import { createDataSource } from '../../subgraphs/shared/db/data-source';
import { updateVersioned } from '../../subgraphs/shared/db/versioned-update';
import { DEMO } from '../../subgraphs/shared/demo/ids';
import { errorCodes } from '../support/graphql-client';
import { eventually } from '../support/eventually';
import { ok, orderAndShip } from '../support/flow';
import { startTestHub, TestHub } from '../support/hub';

const CONFIRM = 'mutation ($input: ConfirmReceiptInput!) { confirmReceipt(input: $input) { status version } }';
const PAY = 'mutation ($input: RecordPaymentInput!) { recordPayment(input: $input) { status version } }';

describe('no lost updates: versioned rows', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub.close());

  it('refuses a receipt confirmation based on a stale read of the delivery (CONFLICT, nothing written)', async () => {
    const { deliveryId, hospital } = await orderAndShip(hub, [{ productId: DEMO.products.atorvastatinLingnan, quantity: 10, unitPrice: '0.12' }]);
    const stale = await hub.query(hospital, CONFIRM, { input: { deliveryId, expectedVersion: 7 } });
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    const [row] = await hub.db.query('SELECT status, version FROM distribution.delivery WHERE id = $1', [deliveryId]);
    expect(row).toEqual({ status: 'SHIPPED', version: 1 });
    const current = ok(await hub.query<{ confirmReceipt: { status: string; version: number } }>(hospital, CONFIRM, { input: { deliveryId, expectedVersion: 1 } }));
    expect(current.confirmReceipt).toEqual({ status: 'RECEIPT_CONFIRMED', version: 2 });
  });

  it('refuses a payment based on a stale read of the payable (CONFLICT, nothing written)', async () => {
    const { deliveryId, hospital } = await orderAndShip(hub, [{ productId: DEMO.products.atorvastatinLingnan, quantity: 10, unitPrice: '0.12' }]);
    ok(await hub.query(hospital, CONFIRM, { input: { deliveryId } }));
    const { settlementStatus } = await eventually(async () => ok(await hub.query<{ settlementStatus: { id: string; version: number } }>(hospital, `{ settlementStatus(deliveryId: "${deliveryId}") { id version } }`)));
    const input = { settlementId: settlementStatus.id, amount: '1.2', idempotencyKey: 'versioned-pay-01' };
    expect(errorCodes(await hub.query(hospital, PAY, { input: { ...input, expectedVersion: settlementStatus.version + 1 } }))).toEqual(['CONFLICT']);
    const [{ n }] = await hub.db.query('SELECT count(*)::int AS n FROM insurance.payment WHERE settlement_id = $1', [settlementStatus.id]);
    expect(n).toBe(0);
    const paid = ok(await hub.query<{ recordPayment: { status: string; version: number } }>(hospital, PAY, { input: { ...input, idempotencyKey: 'versioned-pay-02', expectedVersion: settlementStatus.version } }));
    expect(paid.recordPayment).toEqual({ status: 'PAID', version: settlementStatus.version + 1 });
  });

  it('lets only the first of two writers that read the same version win (UPDATE … WHERE version = n)', async () => {
    // The subgraph's own role, acting as the system (as an event consumer does), under row-level security.
    const db = createDataSource({ url: hub.db.url, subgraph: 'procurement', entities: [], sessionSettings: { [ACTOR_SETTINGS.role]: SYSTEM_ACTOR } });
    await db.initialize();
    try {
      const [order] = await db.query(`SELECT id, version FROM procurement.purchase_order LIMIT 1`);
      await db.transaction((tx) => updateVersioned(tx, 'procurement.purchase_order', order.id, order.version, { state: 'ACCEPTED' }));
      await expect(db.transaction((tx) => updateVersioned(tx, 'procurement.purchase_order', order.id, order.version, { state: 'CANCELLED' }))).rejects.toMatchObject({
        extensions: { code: 'CONFLICT' },
      });
      const [after] = await db.query('SELECT state, version FROM procurement.purchase_order WHERE id = $1', [order.id]);
      expect(after).toEqual({ state: 'ACCEPTED', version: order.version + 1 });
    } finally {
      await db.destroy();
    }
  });
});
