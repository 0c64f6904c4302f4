import { DEMO } from '../../subgraphs/shared/demo/ids';
import { errorCodes } from '../support/graphql-client';
import { eventually } from '../support/eventually';
import { CONFIRM_RECEIPT, GUICHI_HOSPITAL, JIANGHUAI, ok, orderAndShip, PLACE_ORDER, SHIP_ORDER } from '../support/flow';
import { startTestHub, TestHub } from '../support/hub';
import { tokenFor } from '../support/tokens';

const P = DEMO.products;

const SETTLEMENT = `query ($deliveryId: ID!, $asOf: Date) {
  settlementStatus(deliveryId: $deliveryId, asOf: $asOf) {
    id amount status asOf dueDate acceptedOn daysOverdue paidOn paidLate
    paymentTerm { basis days regionCode }
    institution { name }
    enterprise { name }
    delivery { id status confirmedLate }
    lines { lineNo quantity amount product { name specification manufacturer { name } } }
  }
}`;
const PAY = `mutation ($input: RecordPaymentInput!) { recordPayment(input: $input) { id status paidOn paidAmount } }`;

function addDays(date: string, days: number) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe('order to payment, through the gateway only', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub.close());

  it('P-12, D-03, I-06: placeOrder → shipOrder → confirmReceipt (G-05 deadline) → payable (G-04 due date) → recordPayment → PAID', async () => {
    const { orderId, deliveryId, hospital, distributor } = await orderAndShip(hub, [
      { productId: P.atorvastatinLingnan, quantity: 700, unitPrice: '0.1200' },
      { productId: P.amlodipineHuayue, quantity: 280, unitPrice: '0.0580' },
    ]);

    // procurement hears that the order shipped (P-12).
    await eventually(async () => {
      const { order } = ok(await hub.query<{ order: { state: string } }>(hospital, `{ order(id: "${orderId}") { state } }`));
      expect(order.state).toBe('SHIPPED');
    });

    // G-05: Guichi allows 24 hours from warehousing to confirmation on the platform.
    const warehousedAt = new Date().toISOString();
    const { confirmReceipt } = ok(await hub.query<{ confirmReceipt: Record<string, unknown> }>(hospital, CONFIRM_RECEIPT, { id: deliveryId, at: warehousedAt }));
    expect(confirmReceipt).toMatchObject({ status: 'RECEIPT_CONFIRMED', confirmedLate: false });
    expect(Date.parse(confirmReceipt.confirmationDeadline as string) - Date.parse(warehousedAt)).toBe(24 * 3600_000);

    // I-06 / G-04: the payable appears in insurance, due 30 days after acceptance and invoice (Guichi).
    const settlement = await eventually(async () => ok(await hub.query<{ settlementStatus: Record<string, any> }>(hospital, SETTLEMENT, { deliveryId })).settlementStatus);
    const acceptedOn = settlement.acceptedOn as string;
    expect(settlement).toMatchObject({
      amount: '100.24', // 700 × 0.12 + 280 × 0.058, exact
      status: 'DUE',
      dueDate: addDays(acceptedOn, 30),
      daysOverdue: 0,
      paymentTerm: { basis: 'DAYS_AFTER_ACCEPTANCE_AND_INVOICE', days: 30, regionCode: '341702' },
      institution: { name: '池州市贵池区人民医院（示例）' },
      enterprise: { name: '江淮医药物流有限公司（示例）' },
      delivery: { id: deliveryId, status: 'RECEIPT_CONFIRMED', confirmedLate: false },
    });
    expect(settlement.lines).toEqual([
      { lineNo: 1, quantity: 700, amount: '84', product: { name: '阿托伐他汀钙片', specification: '20mg', manufacturer: { name: '岭南制药股份有限公司（示例）' } } },
      { lineNo: 2, quantity: 280, amount: '16.24', product: { name: '苯磺酸氨氯地平片', specification: '5mg', manufacturer: { name: '华岳药业有限公司（示例）' } } },
    ]);

    // Unpaid the day after the due date: OVERDUE.
    const overdue = ok(await hub.query<{ settlementStatus: Record<string, any> }>(hospital, SETTLEMENT, { deliveryId, asOf: addDays(settlement.dueDate, 1) }));
    expect(overdue.settlementStatus).toMatchObject({ status: 'OVERDUE', daysOverdue: 1 });

    // The institution pays exactly what is owed, once.
    const input = { settlementId: settlement.id, amount: '100.24', idempotencyKey: `pay-${deliveryId}` };
    const paid = ok(await hub.query<{ recordPayment: Record<string, unknown> }>(hospital, PAY, { input }));
    expect(paid.recordPayment).toMatchObject({ status: 'PAID', paidAmount: '100.24' });
    const after = ok(await hub.query<{ settlementStatus: Record<string, any> }>(hospital, SETTLEMENT, { deliveryId }));
    expect(after.settlementStatus).toMatchObject({ status: 'PAID', paidLate: false });

    // The distributor sees its receivable; procurement ends at RECEIPT_CONFIRMED.
    const receivables = ok(await hub.query<{ settlements: { nodes: Array<{ id: string; status: string }> } }>(distributor, '{ settlements { nodes { id status } } }'));
    expect(receivables.settlements.nodes).toContainEqual({ id: settlement.id, status: 'PAID' });
    await eventually(async () => {
      const { order } = ok(await hub.query<{ order: { state: string } }>(hospital, `{ order(id: "${orderId}") { state } }`));
      expect(order.state).toBe('RECEIPT_CONFIRMED');
    });
  });

  it('I-06 lists a hospital’s payables with product, enterprise and institution names in one query', async () => {
    const { deliveryId, hospital } = await orderAndShip(hub, [{ productId: P.metforminJintong, quantity: 480, unitPrice: '0.0900' }]);
    ok(await hub.query(hospital, CONFIRM_RECEIPT, { id: deliveryId, at: new Date().toISOString() }));
    const list = await eventually(async () => {
      const data = ok(
        await hub.query<{ settlements: { nodes: Array<Record<string, any>> } }>(
          hospital,
          '{ settlements(filter: { status: DUE }) { nodes { amount status institution { name } enterprise { name } delivery { id confirmedLate } lines { product { name } } } } }',
        ),
      );
      const found = data.settlements.nodes.find((n) => n.delivery.id === deliveryId);
      if (!found) throw new Error('not yet');
      return found;
    });
    expect(list).toEqual({
      amount: '43.2',
      status: 'DUE',
      institution: { name: '池州市贵池区人民医院（示例）' },
      enterprise: { name: '江淮医药物流有限公司（示例）' },
      delivery: { id: deliveryId, confirmedLate: false },
      lines: [{ product: { name: '盐酸二甲双胍片' } }],
    });
  });
});

describe('G-05 receipt confirmation deadline', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub.close());

  it('G-05 flags a confirmation made more than 24 hours after warehousing in Guichi, and still records it', async () => {
    const { deliveryId, hospital } = await orderAndShip(hub, [{ productId: P.atorvastatinLingnan, quantity: 70, unitPrice: '0.12' }]);
    // Arrange: the goods went out two days ago (the API records shipping at the moment it is reported).
    await hub.db.query(`UPDATE distribution.delivery SET shipped_at = now() - interval '2 days' WHERE id = $1`, [deliveryId]);
    const warehousedAt = new Date(Date.now() - 30 * 3600_000).toISOString();
    const { confirmReceipt } = ok(await hub.query<{ confirmReceipt: Record<string, unknown> }>(hospital, CONFIRM_RECEIPT, { id: deliveryId, at: warehousedAt }));
    expect(confirmReceipt).toMatchObject({ status: 'RECEIPT_CONFIRMED', confirmedLate: true });
    const late = ok(await hub.query<{ deliveries: { nodes: Array<{ id: string }> } }>(hospital, '{ deliveries(filter: { confirmedLate: true }) { nodes { id } } }'));
    expect(late.deliveries.nodes).toEqual([{ id: deliveryId }]);
  });

  it('sets no deadline where no region up the chain has a G-05 rule (Shaoguan)', async () => {
    const shaoguan = { subject: 't-sg', role: 'INSTITUTION' as const, region: '440203', org: DEMO.institutions.shaoguanHospital };
    const { placeOrder } = ok(
      await hub.query<{ placeOrder: { id: string } }>({ token: await tokenFor(shaoguan) }, PLACE_ORDER, {
        input: { distributorId: DEMO.enterprises.yuebeiDistribution, lines: [{ productId: P.atorvastatinLingnan, quantity: 7, unitPrice: '0.12' }] },
      }),
    );
    const { shipOrder } = await eventually(async () => ok(await hub.query<{ shipOrder: { id: string } }>('distributor', SHIP_ORDER, { orderId: placeOrder.id })));
    const { confirmReceipt } = ok(
      await hub.query<{ confirmReceipt: Record<string, unknown> }>('hospital', CONFIRM_RECEIPT, { id: shipOrder.id, at: new Date().toISOString() }),
    );
    expect(confirmReceipt).toMatchObject({ confirmationDeadline: null, confirmedLate: null });
  });
});

describe('bad input along the flow changes nothing', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub.close());

  async function counts() {
    const [row] = await hub.db.query(
      `SELECT (SELECT count(*) FROM procurement.purchase_order)::int AS orders, (SELECT count(*) FROM procurement.outbox_event)::int AS events,
              (SELECT count(*) FROM insurance.payment)::int AS payments`,
    );
    return row;
  }

  it.each([
    ['P-08: a product whose listing is suspended', { productId: P.stentBayu, quantity: 1, unitPrice: '500.00' }, 'P-08'],
    ['P-08: a price above the listed price', { productId: P.atorvastatinLingnan, quantity: 10, unitPrice: '0.1241' }, 'P-08'],
    ['a negative quantity', { productId: P.atorvastatinLingnan, quantity: -5, unitPrice: '0.1000' }, undefined],
    ['a zero price', { productId: P.atorvastatinLingnan, quantity: 5, unitPrice: '0' }, undefined],
    ['a product that does not exist', { productId: '00000000-0000-4000-8000-000000000009', quantity: 5, unitPrice: '0.1000' }, undefined],
  ])('refuses to order %s with BAD_USER_INPUT', async (_case, line, rule) => {
    await hub.db.query(`UPDATE procurement.listing SET status = 'SUSPENDED' WHERE product_id = $1 AND region_code = '340000'`, [P.stentBayu]);
    const before = await counts();
    const response = await hub.query({ token: await tokenFor(GUICHI_HOSPITAL) }, PLACE_ORDER, { input: { distributorId: JIANGHUAI.org, lines: [line] } });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    if (rule) expect(response.body.errors![0].extensions!.rule).toBe(rule);
    expect(await counts()).toEqual(before);
  });

  it('refuses a fractional quantity at the boundary', async () => {
    const response = await hub.query({ token: await tokenFor(GUICHI_HOSPITAL) }, PLACE_ORDER, {
      input: { distributorId: JIANGHUAI.org, lines: [{ productId: P.atorvastatinLingnan, quantity: 2.5, unitPrice: '0.1' }] },
    });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });

  it('lets only institutions place orders', async () => {
    const response = await hub.query({ token: await tokenFor(JIANGHUAI) }, PLACE_ORDER, {
      input: { distributorId: JIANGHUAI.org, lines: [{ productId: P.atorvastatinLingnan, quantity: 1, unitPrice: '0.1' }] },
    });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
  });

  it('returns the first order for a retry under the same idempotency key, and CONFLICT for another body', async () => {
    const hospital = { token: await tokenFor(GUICHI_HOSPITAL) };
    const input = { distributorId: JIANGHUAI.org, idempotencyKey: 'order-retry-0001', lines: [{ productId: P.atorvastatinLingnan, quantity: 7, unitPrice: '0.12' }] };
    const first = ok(await hub.query<{ placeOrder: { id: string } }>(hospital, PLACE_ORDER, { input }));
    const before = await counts();
    const retry = ok(await hub.query<{ placeOrder: { id: string } }>(hospital, PLACE_ORDER, { input }));
    expect(retry.placeOrder.id).toBe(first.placeOrder.id);
    const changed = await hub.query(hospital, PLACE_ORDER, { input: { ...input, lines: [{ ...input.lines[0], quantity: 8 }] } });
    expect(errorCodes(changed)).toEqual(['CONFLICT']);
    expect(await counts()).toEqual(before);
  });

  it('answers confirming a missing delivery and another institution’s delivery alike: NOT_FOUND', async () => {
    const { deliveryId } = await orderAndShip(hub, [{ productId: P.atorvastatinLingnan, quantity: 10, unitPrice: '0.12' }]);
    const other = { token: await tokenFor({ subject: 't', role: 'INSTITUTION', region: '341702', org: DEMO.institutions.guichiTownship }) };
    const at = new Date().toISOString();
    const foreign = await hub.query(other, CONFIRM_RECEIPT, { id: deliveryId, at });
    const missing = await hub.query(other, CONFIRM_RECEIPT, { id: '00000000-0000-4000-8000-0000000000aa', at });
    expect(errorCodes(foreign)).toEqual(['NOT_FOUND']);
    expect(errorCodes(missing)).toEqual(['NOT_FOUND']);
    const [delivery] = await hub.db.query('SELECT status FROM distribution.delivery WHERE id = $1', [deliveryId]);
    expect(delivery.status).toBe('SHIPPED');
  });

  it('refuses shipping an order twice (CONFLICT) and another distributor’s order (NOT_FOUND)', async () => {
    const { orderId, distributor } = await orderAndShip(hub, [{ productId: P.atorvastatinLingnan, quantity: 10, unitPrice: '0.12' }]);
    expect(errorCodes(await hub.query(distributor, SHIP_ORDER, { orderId }))).toEqual(['CONFLICT']);
    expect(errorCodes(await hub.query('distributor', SHIP_ORDER, { orderId }))).toEqual(['NOT_FOUND']);
  });

  it('refuses a warehousing time in the future or before shipping', async () => {
    const { deliveryId, hospital } = await orderAndShip(hub, [{ productId: P.atorvastatinLingnan, quantity: 10, unitPrice: '0.12' }]);
    const future = await hub.query(hospital, CONFIRM_RECEIPT, { id: deliveryId, at: new Date(Date.now() + 86_400_000).toISOString() });
    const early = await hub.query(hospital, CONFIRM_RECEIPT, { id: deliveryId, at: '2020-01-01T00:00:00Z' });
    expect(errorCodes(future)).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(early)).toEqual(['BAD_USER_INPUT']);
  });

  it('I-06 refuses paying a different amount than owed, paying twice, and reusing a key for another payment', async () => {
    const { deliveryId, hospital } = await orderAndShip(hub, [{ productId: P.atorvastatinLingnan, quantity: 100, unitPrice: '0.12' }]);
    ok(await hub.query(hospital, CONFIRM_RECEIPT, { id: deliveryId, at: new Date().toISOString() }));
    const settlement = await eventually(async () => ok(await hub.query<{ settlementStatus: { id: string } }>(hospital, '{ settlementStatus(deliveryId: "' + deliveryId + '") { id } }')).settlementStatus);
    const pay = (amount: string, key: string) => hub.query(hospital, PAY, { input: { settlementId: settlement.id, amount, idempotencyKey: key } });

    const before = await counts();
    expect(errorCodes(await pay('11.99', 'pay-wrong-amount'))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await pay('12.01', 'pay-too-much-01'))).toEqual(['BAD_USER_INPUT']);
    expect(await counts()).toEqual(before);

    expect(errorCodes(await pay('12', 'pay-correct-01'))).toEqual([]);
    expect(errorCodes(await pay('12', 'pay-correct-01'))).toEqual([]); // a retry replays
    expect(errorCodes(await pay('12', 'pay-second-02'))).toEqual(['CONFLICT']); // paying twice
    expect(errorCodes(await pay('12.00', 'pay-correct-01'))).toEqual([]); // same amount, same request
    expect(errorCodes(await pay('13', 'pay-correct-01'))).toEqual(['CONFLICT']); // same key, other body
    expect((await counts()).payments).toBe(before.payments + 1);
  });

  it('lets only the owing institution pay: another institution gets NOT_FOUND', async () => {
    const { deliveryId, hospital } = await orderAndShip(hub, [{ productId: P.atorvastatinLingnan, quantity: 50, unitPrice: '0.12' }]);
    ok(await hub.query(hospital, CONFIRM_RECEIPT, { id: deliveryId, at: new Date().toISOString() }));
    const settlement = await eventually(async () => ok(await hub.query<{ settlementStatus: { id: string } }>(hospital, '{ settlementStatus(deliveryId: "' + deliveryId + '") { id } }')).settlementStatus);
    const other = { token: await tokenFor({ subject: 't', role: 'INSTITUTION', region: '341702', org: DEMO.institutions.guichiTownship }) };
    const response = await hub.query(other, PAY, { input: { settlementId: settlement.id, amount: '6', idempotencyKey: 'pay-other-inst-01' } });
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
  });
});
