import Decimal from 'decimal.js';
import { DEMO } from '../../subgraphs/shared/demo/ids';
import { DEMO_BATCHES, DEMO_WINNING_PRODUCTS, demoCycleStart, endAfterYears } from '../../subgraphs/shared/demo/awards';
import { daysAgo, DEMO_ORDERS } from '../../subgraphs/shared/demo/orders';
import { todayInChina } from '../../subgraphs/shared/graphql/scalars';
import { errorCodes } from '../support/graphql-client';
import { startTestHub, TestHub } from '../support/hub';
import { tokenFor } from '../support/tokens';

const I = DEMO.institutions;
const NATIONAL_BATCH = DEMO_BATCHES[0].id;
const Q = `query ($batch: ID!, $region: String!, $asOf: Date, $page: PageInput) {
  completionProgress(batchId: $batch, regionCode: $region, asOf: $asOf, page: $page) {
    asOf
    nodes { institution { id } winningProduct { product { id } } contractYearStart contractYearEnd agreedQuantity purchasedQuantity completionRate expectedRate lagging }
    pageInfo { hasNextPage endCursor }
    summary { institutions laggingInstitutions agreedVolumes laggingVolumes agreedAmount purchasedAmount completionRate expectedRate }
    institutions { nodes { institution { id } agreedVolumes laggingVolumes agreedAmount purchasedAmount completionRate lagging } }
  }
}`;

interface Item { institution: { id: string }; winningProduct: { product: { id: string } }; contractYearStart: string; contractYearEnd: string; agreedQuantity: number; purchasedQuantity: number; completionRate: string; expectedRate: string; lagging: boolean }
interface Progress {
  completionProgress: {
    nodes: Item[];
    pageInfo: { hasNextPage: boolean; endCursor: string };
    summary: Record<string, unknown>;
    institutions: { nodes: Array<Record<string, unknown> & { institution: { id: string } }> };
  };
}

const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;

describe('agreed-volume completion (P-05)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ events: false });
  });
  afterAll(() => hub.close());

  const progress = async (who: Parameters<TestHub['query']>[0], vars: Record<string, unknown> = {}) => {
    const response = await hub.query<Progress>(who, Q, { batch: NATIONAL_BATCH, region: '440000', page: { first: 50 }, ...vars });
    expect(response.body.errors).toBeUndefined();
    return response.body.data!.completionProgress;
  };
  /** What the demo order book bought of a product for an institution (every demo order is in the current contract year). */
  const demoPurchased = (institutionId: string, productId: string) =>
    DEMO_ORDERS.filter((o) => o.institutionId === institutionId).flatMap((o) => o.lines).filter((l) => l.productId === productId).reduce((sum, l) => sum + l.quantity, 0);
  const item = (items: Item[], institutionId: string, productId: string) => items.find((i) => i.institution.id === institutionId && i.winningProduct.product.id === productId)!;
  /**
   * Agreed volumes whose kept purchases differ from their order lines: the quantity bought in the contract
   * year must be exact; the last purchase day may only be late (a cancellation leaves it), never early.
   */
  const agreedVolumeMismatches = () =>
    hub.db.query(`
      SELECT av.id, t.purchased_quantity AS kept, coalesce(b.quantity, 0) AS bought, t.last_purchased_on::text, b.last_day::text
        FROM procurement.agreed_volume av JOIN procurement.winning_product w ON w.id = av.winning_product_id
        LEFT JOIN procurement.agreed_volume_purchase t ON t.agreed_volume_id = av.id
        LEFT JOIN LATERAL (
          SELECT sum(l.quantity) AS quantity, max((o.placed_at AT TIME ZONE 'Asia/Shanghai')::date) AS last_day
            FROM procurement.order_line l JOIN procurement.purchase_order o ON o.id = l.order_id
           WHERE o.state <> 'CANCELLED' AND o.institution_id = av.institution_id AND l.product_id = w.product_id
             AND (o.placed_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN av.contract_year_start AND av.contract_year_end) b ON true
       WHERE t.agreed_volume_id IS NULL OR t.purchased_quantity <> coalesce(b.quantity, 0)
          OR (t.batch_id, t.winning_product_id, t.product_id, t.institution_id, t.region_code, t.contract_year_start, t.contract_year_end, t.agreed_quantity)
             IS DISTINCT FROM (w.batch_id, w.id, w.product_id, av.institution_id, av.region_code, av.contract_year_start, av.contract_year_end, av.quantity)
          OR (b.last_day IS NOT NULL AND (t.last_purchased_on IS NULL OR t.last_purchased_on < b.last_day))`);

  it('P-05 measures purchased against agreed and against the elapsed share of the contract year, flagging laggards', async () => {
    const today = todayInChina();
    const start = demoCycleStart();
    const end = endAfterYears(start, 1);
    const expected = new Decimal(days(start, today)).div(days(start, end)).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toString();
    const result = await progress('insurance-regulator', { asOf: today });
    expect(result.nodes).toHaveLength(4);
    const atorvastatin = item(result.nodes, I.shaoguanHospital, DEMO.products.atorvastatinLingnan);
    expect(atorvastatin).toMatchObject({ contractYearStart: start, contractYearEnd: end, agreedQuantity: 12000, purchasedQuantity: 4200, completionRate: '0.35', expectedRate: expected });
    expect(atorvastatin.lagging).toBe(new Decimal('0.35').lt(expected));
    const amlodipine = demoPurchased(I.shaoguanHospital, DEMO.products.amlodipineHuayue);
    expect(item(result.nodes, I.shaoguanHospital, DEMO.products.amlodipineHuayue)).toMatchObject({
      agreedQuantity: 6000,
      purchasedQuantity: amlodipine,
      completionRate: new Decimal(amlodipine).div(6000).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toString(),
    });
    expect(item(result.nodes, I.shaoguanTownship, DEMO.products.amlodipineHuayue)).toMatchObject({ agreedQuantity: 1500, purchasedQuantity: 0, completionRate: '0', lagging: true });
    // Amounts are valued at the winning price (what the agreement is worth), not at each order's price.
    const winningPrice = (productId: string) => DEMO_WINNING_PRODUCTS.find((w) => w.productId === productId)!.winningPrice;
    const purchasedAmount = [DEMO.products.atorvastatinLingnan, DEMO.products.amlodipineHuayue].reduce(
      (sum, product) => sum.plus(new Decimal(winningPrice(product)).times(demoPurchased(I.shaoguanHospital, product))),
      new Decimal(0),
    );
    const rateOf = (agreed: string) => purchasedAmount.div(agreed).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toString();
    expect(result.summary).toEqual({
      institutions: 2,
      laggingInstitutions: 2,
      agreedVolumes: 4,
      laggingVolumes: result.nodes.filter((n) => n.lagging).length,
      agreedAmount: '2115',
      purchasedAmount: purchasedAmount.toString(),
      completionRate: rateOf('2115'),
      expectedRate: expected,
    });
    expect(result.institutions.nodes.find((n) => n.institution.id === I.shaoguanHospital)).toMatchObject({
      agreedVolumes: 2,
      agreedAmount: '1788',
      purchasedAmount: purchasedAmount.toString(),
      completionRate: rateOf('1788'),
    });
  });

  it('P-05 counts only orders placed on or before asOf', async () => {
    const placedToday = DEMO_ORDERS.find((o) => o.placedDaysAgo === 0)!;
    const yesterday = await progress('insurance-regulator', { asOf: daysAgo(1) });
    expect(item(yesterday.nodes, I.shaoguanHospital, DEMO.products.amlodipineHuayue).purchasedQuantity).toBe(
      demoPurchased(I.shaoguanHospital, DEMO.products.amlodipineHuayue) - placedToday.lines[0].quantity,
    );
    // The totals take today's order back out too (they read other rows than the page does).
    const winningPrice = (productId: string) => DEMO_WINNING_PRODUCTS.find((w) => w.productId === productId)!.winningPrice;
    const valued = (nodes: Item[]) => nodes.reduce((sum, n) => sum.plus(new Decimal(winningPrice(n.winningProduct.product.id)).times(n.purchasedQuantity)), new Decimal(0));
    expect(yesterday.nodes).toHaveLength(4);
    expect(yesterday.summary.purchasedAmount).toBe(valued(yesterday.nodes).toString());
    const hospital = yesterday.institutions.nodes.find((n) => n.institution.id === I.shaoguanHospital)!;
    expect(hospital.purchasedAmount).toBe(valued(yesterday.nodes.filter((n) => n.institution.id === I.shaoguanHospital)).toString());
    const today = await progress('insurance-regulator');
    expect(new Decimal(today.summary.purchasedAmount as string).minus(yesterday.summary.purchasedAmount as string).toString()).toBe(
      new Decimal(winningPrice(placedToday.lines[0].productId)).times(placedToday.lines[0].quantity).toString(),
    );
  });

  it('P-05 is scoped like agreed volumes: a lead unit with its members, a manufacturer its products, a distributor nothing', async () => {
    expect((await progress('hospital')).nodes).toHaveLength(4);
    const township = await tokenFor({ subject: 'longgui', role: 'INSTITUTION', region: '440203', org: I.shaoguanTownship });
    expect((await progress({ token: township })).nodes.map((n) => n.institution.id)).toEqual([I.shaoguanTownship, I.shaoguanTownship]);
    const maker = await progress('manufacturer');
    expect(maker.nodes.map((n) => n.winningProduct.product.id)).toEqual([DEMO.products.atorvastatinLingnan, DEMO.products.atorvastatinLingnan]);
    expect(maker.summary).toMatchObject({ agreedVolumes: 2, agreedAmount: '1680' });
    expect((await progress('health-regulator')).summary).toMatchObject({ agreedVolumes: 4 });
    expect(errorCodes(await hub.query('distributor', Q, { batch: NATIONAL_BATCH, region: '440000' }))).toEqual(['FORBIDDEN']);
    expect((await progress('insurance-regulator', { region: '500000' })).nodes).toEqual([]);
  });

  it('P-05 pages its items by cursor', async () => {
    const first = await progress('insurance-regulator', { page: { first: 3 } });
    expect(first.nodes).toHaveLength(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await progress('insurance-regulator', { page: { first: 3, after: first.pageInfo.endCursor } });
    expect(rest.nodes).toHaveLength(1);
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });

  it('P-05 keeps the purchased-quantity rollup equal to the order lines through new orders, cancellation and reinstatement', async () => {
    const mismatches = async () =>
      hub.db.query(`
        WITH lines AS (
          SELECT o.institution_id, l.product_id, (o.placed_at AT TIME ZONE 'Asia/Shanghai')::date AS day, sum(l.quantity) AS quantity, sum(l.amount) AS amount
            FROM procurement.order_line l JOIN procurement.purchase_order o ON o.id = l.order_id WHERE o.state <> 'CANCELLED' GROUP BY 1, 2, 3),
        by_month AS (SELECT institution_id, product_id, date_trunc('month', day)::date AS month, sum(quantity) AS quantity, sum(amount) AS amount FROM lines GROUP BY 1, 2, 3)
        (SELECT 'day' AS t, institution_id, product_id, day, quantity, amount FROM lines
          EXCEPT SELECT 'day', institution_id, product_id, day, quantity, amount FROM procurement.purchased_volume_day WHERE quantity <> 0)
        UNION ALL
        (SELECT 'day', institution_id, product_id, day, quantity, amount FROM procurement.purchased_volume_day WHERE quantity <> 0
          EXCEPT SELECT 'day', institution_id, product_id, day, quantity, amount FROM lines)
        UNION ALL
        (SELECT 'month', institution_id, product_id, month, quantity, amount FROM by_month
          EXCEPT SELECT 'month', institution_id, product_id, month, quantity, amount FROM procurement.purchased_volume WHERE quantity <> 0)
        UNION ALL
        (SELECT 'month', institution_id, product_id, month, quantity, amount FROM procurement.purchased_volume WHERE quantity <> 0
          EXCEPT SELECT 'month', institution_id, product_id, month, quantity, amount FROM by_month)`);
    expect(await mismatches()).toEqual([]);
    expect(await agreedVolumeMismatches()).toEqual([]);

    const placed = await hub.query<{ placeOrder: { id: string } }>('hospital', `mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }`, {
      input: { distributorId: DEMO.enterprises.yuebeiDistribution, lines: [{ productId: DEMO.products.atorvastatinLingnan, quantity: 3000, unitPrice: '0.12' }] },
    });
    expect(placed.body.errors).toBeUndefined();
    expect(await mismatches()).toEqual([]);
    const purchased = async () => item((await progress('insurance-regulator')).nodes, I.shaoguanHospital, DEMO.products.atorvastatinLingnan).purchasedQuantity;
    expect(await purchased()).toBe(7200);

    const cancelled = await hub.query('hospital', `mutation ($input: CancelOrderInput!) { cancelOrder(input: $input) { id state } }`, {
      input: { orderId: placed.body.data!.placeOrder.id, reason: '计划调整' },
    });
    expect(cancelled.body.errors).toBeUndefined();
    expect(await mismatches()).toEqual([]);
    expect(await purchased()).toBe(4200);
    // No API reinstates a cancelled order; the trigger must still follow an operator's correction.
    await hub.db.query(`UPDATE procurement.purchase_order SET state = 'PLACED', cancelled_at = NULL, cancel_reason = NULL WHERE id = $1`, [placed.body.data!.placeOrder.id]);
    expect(await mismatches()).toEqual([]);
    expect(await purchased()).toBe(7200);

    // Concurrent orders naming the same products in opposite order: none deadlocks, none is lost.
    const lines = [
      { productId: DEMO.products.atorvastatinLingnan, quantity: 10, unitPrice: '0.12' },
      { productId: DEMO.products.amlodipineHuayue, quantity: 10, unitPrice: '0.058' },
    ];
    const concurrent = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        hub.query('hospital', `mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }`, {
          input: { distributorId: DEMO.enterprises.yuebeiDistribution, lines: i % 2 ? lines : [...lines].reverse() },
        }),
      ),
    );
    expect(concurrent.map((r) => r.body.errors ?? null)).toEqual(Array(10).fill(null));
    expect(await mismatches()).toEqual([]);
    expect(await agreedVolumeMismatches()).toEqual([]);
    expect(await purchased()).toBe(7300);
  });

  it('P-05 keeps each agreed volume’s purchases equal to its order lines through corrected lines, a moved order and a moved contract year', async () => {
    expect(await agreedVolumeMismatches()).toEqual([]);
    const placed = await hub.query<{ placeOrder: { id: string } }>('hospital', `mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }`, {
      input: {
        distributorId: DEMO.enterprises.yuebeiDistribution,
        lines: [
          { productId: DEMO.products.atorvastatinLingnan, quantity: 40, unitPrice: '0.12' },
          { productId: DEMO.products.amlodipineHuayue, quantity: 60, unitPrice: '0.058' },
        ],
      },
    });
    expect(placed.body.errors).toBeUndefined();
    const orderId = placed.body.data!.placeOrder.id;
    expect(await agreedVolumeMismatches()).toEqual([]);
    const purchased = async (productId: string, asOf?: string) =>
      item((await progress('insurance-regulator', { asOf })).nodes, I.shaoguanHospital, productId).purchasedQuantity;
    const amlodipine = await purchased(DEMO.products.amlodipineHuayue);

    // An operator's corrections, which no API makes: a line's quantity changed, then the line removed.
    await hub.db.query(`UPDATE procurement.order_line SET quantity = 90, amount = 90 * unit_price WHERE order_id = $1 AND product_id = $2`, [orderId, DEMO.products.amlodipineHuayue]);
    expect(await agreedVolumeMismatches()).toEqual([]);
    expect(await purchased(DEMO.products.amlodipineHuayue)).toBe(amlodipine + 30);
    await hub.db.query(`DELETE FROM procurement.order_line WHERE order_id = $1 AND product_id = $2`, [orderId, DEMO.products.amlodipineHuayue]);
    expect(await agreedVolumeMismatches()).toEqual([]);
    expect(await purchased(DEMO.products.amlodipineHuayue)).toBe(amlodipine - 60);

    // The order moved back nine days: today's answer is unchanged; eight days ago it now counts.
    const atorvastatinToday = await purchased(DEMO.products.atorvastatinLingnan);
    const atorvastatinEightDaysAgo = await purchased(DEMO.products.atorvastatinLingnan, daysAgo(8));
    await hub.db.query(`UPDATE procurement.purchase_order SET placed_at = placed_at - interval '9 days' WHERE id = $1`, [orderId]);
    expect(await agreedVolumeMismatches()).toEqual([]);
    expect(await purchased(DEMO.products.atorvastatinLingnan)).toBe(atorvastatinToday);
    expect(await purchased(DEMO.products.atorvastatinLingnan, daysAgo(8))).toBe(atorvastatinEightDaysAgo + 40);

    // A new agreed quantity (as a P-06 reallocation writes it) is copied; a moved contract year is
    // recounted from the rollups over the new year.
    const [agreed] = await hub.db.query<{ id: string }>(
      `SELECT av.id FROM procurement.agreed_volume av JOIN procurement.winning_product w ON w.id = av.winning_product_id WHERE av.institution_id = $1 AND w.product_id = $2`,
      [I.shaoguanHospital, DEMO.products.atorvastatinLingnan],
    );
    await hub.db.query(`UPDATE procurement.agreed_volume SET quantity = quantity + 500 WHERE id = $1`, [agreed.id]);
    expect(await agreedVolumeMismatches()).toEqual([]);
    expect(item((await progress('insurance-regulator')).nodes, I.shaoguanHospital, DEMO.products.atorvastatinLingnan).agreedQuantity).toBe(12500);
    await hub.db.query(`UPDATE procurement.agreed_volume SET quantity = quantity - 500 WHERE id = $1`, [agreed.id]);
    await hub.db.query(`UPDATE procurement.agreed_volume SET contract_year_start = current_date + 30, contract_year_end = current_date + 394 WHERE id = $1`, [agreed.id]);
    expect(await agreedVolumeMismatches()).toEqual([]);
    expect(await hub.db.query(`SELECT purchased_quantity::int AS purchased FROM procurement.agreed_volume_purchase WHERE agreed_volume_id = $1`, [agreed.id])).toEqual([{ purchased: 0 }]);
    await hub.db.query(`UPDATE procurement.agreed_volume SET contract_year_start = $2, contract_year_end = $3 WHERE id = $1`, [agreed.id, demoCycleStart(), endAfterYears(demoCycleStart(), 1)]);
    expect(await agreedVolumeMismatches()).toEqual([]);
    expect(await purchased(DEMO.products.atorvastatinLingnan)).toBe(atorvastatinToday);
  });

  it('P-05 kept purchases are written only by the database’s triggers: the application role cannot change a count', async () => {
    await hub.db.query('SET ROLE procurement_app');
    try {
      await expect(hub.db.query(`UPDATE procurement.agreed_volume_purchase SET purchased_quantity = 0`)).rejects.toThrow(/permission denied/);
      await expect(hub.db.query(`DELETE FROM procurement.agreed_volume_purchase`)).rejects.toThrow(/permission denied/);
    } finally {
      await hub.db.query('RESET ROLE');
    }
  });

  it('P-05 answers a batch that does not exist with NOT_FOUND', async () => {
    expect(errorCodes(await hub.query('insurance-regulator', Q, { batch: '00000000-0000-4000-8000-000000000001', region: '440000' }))).toEqual(['NOT_FOUND']);
  });
});
