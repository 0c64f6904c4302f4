import { DEMO } from '../../subgraphs/shared/demo/ids';
import { daysAgo } from '../../subgraphs/shared/demo/orders';
import { ok } from '../support/flow';
import { errorCodes } from '../support/graphql-client';
import { startTestHub, TestHub } from '../support/hub';
import { tokenFor } from '../support/tokens';

const { enterprises: E, products: P } = DEMO;

const REPORT_STOCK = `mutation ($input: ReportStockInput!) { reportStock(input: $input) { id lineCount reportedAt } }`;
const REPORT_STOP = `mutation ($input: ReportProductionStopInput!) { reportProductionStop(input: $input) { id reason stoppedFrom regionCodes } }`;
const REPORT_CAPACITY = `mutation ($input: ReportCapacityInput!) { reportCapacity(input: $input) { monthlyCapacity regionCode } }`;
const STOCK = `{ stockLevels(page: { first: 100 }) { nodes { regionCode quantityOnHand emergencyReserve enterprise { id } product { id } } } }`;

/** `regions` regions × `batches` batch lines of Lingnan's atorvastatin. */
function bulkLines(regions: number, batches: number) {
  return Array.from({ length: regions * batches }, (_, i) => ({
    productId: P.atorvastatinLingnan,
    regionCode: `45${String(Math.floor(i / batches)).padStart(2, '0')}00`,
    batchNumber: `B${i % batches}`,
    quantityOnHand: 100 + (i % 7),
    emergencyReserve: i % 3,
  }));
}

/** Row counts of every table reportStock writes: equal before and after means nothing was written. */
async function footprint(hub: TestHub): Promise<string> {
  const tables = ['stock_report', 'stock_report_line', 'stock_level', 'outbox_event', 'capacity_report', 'production_stop'];
  const counts = [];
  for (const t of tables) counts.push((await hub.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM distribution.${t}`))[0].n);
  const [{ sum }] = await hub.db.query<{ sum: string }>('SELECT coalesce(sum(quantity_on_hand), 0)::text AS sum FROM distribution.stock_level');
  return `${counts.join(',')}|${sum}`;
}

describe('enterprise reports: stock, capacity, production stops (D-05)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ events: false });
  });
  afterAll(() => hub.close());

  it('D-05 a 3,000-line stock report is accepted whole: levels summed per product and region, one StockReported event each', async () => {
    const lines = bulkLines(30, 100);
    const { reportStock } = ok(await hub.query<{ reportStock: { id: string; lineCount: number } }>('manufacturer', REPORT_STOCK, { input: { idempotencyKey: 'bulk-stock-0001', lines } }));
    expect(reportStock.lineCount).toBe(3000);
    const levels = await hub.db.query<{ region_code: string; quantity_on_hand: string; emergency_reserve: string }>(
      `SELECT region_code, quantity_on_hand::text, emergency_reserve::text FROM distribution.stock_level WHERE enterprise_id = $1 AND region_code LIKE '45%' ORDER BY region_code`,
      [E.lingnanPharma],
    );
    expect(levels).toHaveLength(30);
    const expected = (region: string) => lines.filter((l) => l.regionCode === region).reduce((s, l) => [s[0] + l.quantityOnHand, s[1] + l.emergencyReserve], [0, 0]);
    expect(levels[0]).toEqual({ region_code: '450000', quantity_on_hand: String(expected('450000')[0]), emergency_reserve: String(expected('450000')[1]) });
    const events = await hub.db.query<{ key: string; payload: Record<string, unknown> }>(`SELECT key, payload FROM distribution.outbox_event WHERE type = 'StockReported' AND payload->>'regionCode' LIKE '45%'`);
    expect(events).toHaveLength(30);
    const first = events.find((e) => e.key === `${E.lingnanPharma}:${P.atorvastatinLingnan}:450000`)!;
    expect(first.payload).toMatchObject({ enterpriseId: E.lingnanPharma, productId: P.atorvastatinLingnan, regionCode: '450000', quantityOnHand: expected('450000')[0], emergencyReserve: expected('450000')[1] });
  });

  it('D-05 a retry under the same key returns the first report and writes nothing; the key with other lines is a CONFLICT', async () => {
    const lines = bulkLines(2, 5);
    const first = ok(await hub.query<{ reportStock: { id: string } }>('manufacturer', REPORT_STOCK, { input: { idempotencyKey: 'retry-stock-0001', lines } }));
    const before = await footprint(hub);
    const again = ok(await hub.query<{ reportStock: { id: string } }>('manufacturer', REPORT_STOCK, { input: { idempotencyKey: 'retry-stock-0001', lines } }));
    expect(again.reportStock.id).toBe(first.reportStock.id);
    const changed = await hub.query('manufacturer', REPORT_STOCK, { input: { idempotencyKey: 'retry-stock-0001', lines: [{ ...lines[0], quantityOnHand: 1 }, ...lines.slice(1)] } });
    expect(errorCodes(changed)).toEqual(['CONFLICT']);
    expect(await footprint(hub)).toBe(before);
  });

  it('D-05 negative stock anywhere in a large report: BAD_USER_INPUT naming D-05, nothing written', async () => {
    const lines = bulkLines(10, 100);
    lines[777] = { ...lines[777], quantityOnHand: -5 };
    const before = await footprint(hub);
    const response = await hub.query('manufacturer', REPORT_STOCK, { input: { idempotencyKey: 'negative-stock-01', lines } });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors![0].message).toMatch(/^D-05: lines\[777\]\.quantityOnHand/);
    expect(await footprint(hub)).toBe(before);
  });

  it('D-05 a product the manufacturer does not make, or a distributor holds no authorisation for there: BAD_USER_INPUT naming D-05, nothing written', async () => {
    const before = await footprint(hub);
    const notMade = await hub.query('manufacturer', REPORT_STOCK, {
      input: { idempotencyKey: 'not-made-stock-01', lines: [...bulkLines(1, 50), { productId: P.amlodipineHuayue, regionCode: '440000', quantityOnHand: 10 }] },
    });
    expect(errorCodes(notMade)).toEqual(['BAD_USER_INPUT']);
    expect(notMade.body.errors![0].message).toMatch(/^D-05: .*neither makes nor is authorised/);
    const outsideAuthorisation = await hub.query('distributor', REPORT_STOCK, { input: { idempotencyKey: 'yuebei-outside-01', lines: [{ productId: P.atorvastatinLingnan, regionCode: '340000', quantityOnHand: 10 }] } });
    expect(errorCodes(outsideAuthorisation)).toEqual(['BAD_USER_INPUT']);
    expect(await footprint(hub)).toBe(before);
    // Within its authorised pooling region (440000) the distributor reports freely.
    ok(await hub.query('distributor', REPORT_STOCK, { input: { idempotencyKey: 'yuebei-inside-01', lines: [{ productId: P.atorvastatinLingnan, regionCode: '440203', quantityOnHand: 10, emergencyReserve: 2 }] } }));
  });

  it('D-05 an enterprise sees only its own stock; regulators their region; institutions and the finance bureau are FORBIDDEN', async () => {
    const owners = async (who: Parameters<TestHub['query']>[0]) =>
      ok(await hub.query<{ stockLevels: { nodes: Array<{ regionCode: string; enterprise: { id: string } }> } }>(who, STOCK)).stockLevels.nodes;
    expect(new Set((await owners('distributor')).map((n) => n.enterprise.id))).toEqual(new Set([E.yuebeiDistribution]));
    const shanxi = await owners('industry-regulator');
    expect(shanxi.length).toBeGreaterThan(0);
    expect(shanxi.every((n) => n.regionCode.startsWith('14'))).toBe(true);
    expect(errorCodes(await hub.query('hospital', STOCK))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await hub.query('finance-regulator', STOCK))).toEqual(['FORBIDDEN']);
    const reserves = ok(await hub.query<{ emergencyReserves: { nodes: Array<{ emergencyReserve: number }> } }>('commerce-regulator', `{ emergencyReserves { nodes { emergencyReserve regionCode } } }`));
    expect(reserves.emergencyReserves.nodes.length).toBeGreaterThan(0);
    expect(reserves.emergencyReserves.nodes.every((n) => n.emergencyReserve > 0)).toBe(true);
  });

  it('D-05 a production stop is recorded and announced (ProductionStopReported.v1); capacity too; only for products the manufacturer makes', async () => {
    const { reportProductionStop } = ok(
      await hub.query<{ reportProductionStop: { id: string } }>('manufacturer', REPORT_STOP, {
        input: { productId: P.atorvastatinLingnan, regionCodes: ['440000'], reason: 'EQUIPMENT_FAILURE', stoppedFrom: daysAgo(0), expectedResumeOn: daysAgo(-10) },
      }),
    );
    const [event] = await hub.db.query<{ key: string; payload: Record<string, unknown> }>(`SELECT key, payload FROM distribution.outbox_event WHERE type = 'ProductionStopReported' AND payload->>'reportId' = $1`, [reportProductionStop.id]);
    expect(event).toMatchObject({ key: `${E.lingnanPharma}:${P.atorvastatinLingnan}`, payload: { enterpriseId: E.lingnanPharma, regionCodes: ['440000'], reason: 'EQUIPMENT_FAILURE', stoppedFrom: daysAgo(0), expectedResumeOn: daysAgo(-10) } });
    ok(await hub.query('manufacturer', REPORT_CAPACITY, { input: { productId: P.atorvastatinLingnan, regionCode: '440000', monthlyCapacity: 1_800_000 } }));
    const before = await footprint(hub);
    expect(errorCodes(await hub.query('manufacturer', REPORT_STOP, { input: { productId: P.amlodipineHuayue, regionCodes: ['440000'], reason: 'OTHER', stoppedFrom: daysAgo(0) } }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await hub.query('manufacturer', REPORT_CAPACITY, { input: { productId: P.amlodipineHuayue, regionCode: '440000', monthlyCapacity: 10 } }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await hub.query('distributor', REPORT_CAPACITY, { input: { productId: P.atorvastatinLingnan, regionCode: '440000', monthlyCapacity: 10 } }))).toEqual(['FORBIDDEN']);
    expect(await footprint(hub)).toBe(before);
    const stops = ok(await hub.query<{ productionStops: { nodes: Array<{ id: string }> } }>('market-regulator', `{ productionStops { nodes { id reason product { id } } } }`));
    expect(stops.productionStops.nodes.map((s) => s.id)).toContain(reportProductionStop.id);
    const other = { token: await tokenFor({ subject: 't-huayue', role: 'MANUFACTURER', region: '140100', org: E.huayuePharma }) };
    expect(ok(await hub.query<{ productionStops: { nodes: unknown[] } }>(other, `{ productionStops { nodes { id } } }`)).productionStops.nodes).toEqual([]);
  });
});
