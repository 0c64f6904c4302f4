import type { DataSource } from 'typeorm';
import { Department, Identity, Role } from '../../subgraphs/shared/auth/identity';
import { createDataSource, SUBGRAPHS, SubgraphName } from '../../subgraphs/shared/db/data-source';
import { RequestTransaction } from '../../subgraphs/shared/db/request-transaction';
import { DEMO } from '../../subgraphs/shared/demo/ids';
import { createTestDatabase, TestDatabase } from '../support/database';
import { testLogger } from '../support/hub';
import { startSubgraph } from '../../subgraphs/shared/http/start-subgraph';
import { SUBGRAPH_DEFINITIONS } from '../../subgraphs/definitions';
import { TokenVerifier } from '../../subgraphs/shared/auth/tokens';
import { TEST_JWT } from '../support/test-environment';

const I = DEMO.institutions;
const E = DEMO.enterprises;

const hospital: Identity = { subject: 'h', role: Role.INSTITUTION, region: '440203', org: I.shaoguanHospital };
const guichiHospital: Identity = { subject: 'g', role: Role.INSTITUTION, region: '341702', org: I.guichiHospital };
const yuebei: Identity = { subject: 'd', role: Role.DISTRIBUTOR, region: '440200', org: E.yuebeiDistribution };
const lingnan: Identity = { subject: 'm', role: Role.MANUFACTURER, region: '440100', org: E.lingnanPharma };
const shaoguanRegulator: Identity = { subject: 'r', role: Role.REGULATOR, department: Department.MEDICAL_INSURANCE, region: '440200' };

/**
 * Issue 8, row scoping in the database as well as in code: these tests query each subgraph's tables as
 * its application role inside a request transaction for a given caller, with NO scoping WHERE clause,
 * as a resolver with a forgotten filter would. Row-level security must still return only the caller's rows.
 */
describe('row-level security, with the resolvers’ scoping deliberately left out', () => {
  let db: TestDatabase;
  const pools = new Map<SubgraphName, DataSource>();

  beforeAll(async () => {
    db = await createTestDatabase();
    // Loads the demo world as the subgraphs do at start (migrated template + demo seed), without serving.
    for (const name of SUBGRAPHS) {
      const started = await startSubgraph(SUBGRAPH_DEFINITIONS[name], {
        databaseUrl: db.url,
        port: 0,
        host: '127.0.0.1',
        verifier: new TokenVerifier(TEST_JWT),
        log: testLogger(),
        production: false,
        migrate: false,
        demoData: true,
      });
      await started.close();
      const pool = createDataSource({ url: db.url, subgraph: name, entities: [] });
      await pool.initialize();
      pools.set(name, pool);
    }
  }, 120_000);

  afterAll(async () => {
    await Promise.all([...pools.values()].map((p) => p.destroy()));
    await db.drop();
  });

  /** Runs `sql` with no WHERE clause of ours, as `identity`, and returns the rows it got. */
  async function unscoped(subgraph: SubgraphName, identity: Identity | undefined, sql: string, params: unknown[] = []) {
    const transaction = await RequestTransaction.open(pools.get(subgraph)!, identity);
    try {
      return (await transaction.manager.query(sql, params)) as Array<Record<string, unknown>>;
    } finally {
      await transaction.rollback();
    }
  }

  const distinct = (rows: Array<Record<string, unknown>>, column: string) => [...new Set(rows.map((r) => r[column]))].sort();

  it('gives an institution its own orders, lines, deliveries and payables only', async () => {
    expect(distinct(await unscoped('procurement', hospital, 'SELECT institution_id FROM procurement.purchase_order'), 'institution_id')).toEqual([I.shaoguanHospital]);
    const lines = await unscoped('procurement', hospital, 'SELECT o.institution_id FROM procurement.order_line l JOIN procurement.purchase_order o ON o.id = l.order_id');
    expect(distinct(lines, 'institution_id')).toEqual([I.shaoguanHospital]);
    expect(distinct(await unscoped('distribution', hospital, 'SELECT institution_id FROM distribution.delivery'), 'institution_id')).toEqual([I.shaoguanHospital]);
    expect(distinct(await unscoped('insurance', hospital, 'SELECT institution_id FROM insurance.settlement'), 'institution_id')).toEqual([I.shaoguanHospital]);
    // Lines and payments are reachable only through a visible parent.
    const [{ n: allLines }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM insurance.settlement_line');
    const visibleLines = await unscoped('insurance', guichiHospital, 'SELECT settlement_id FROM insurance.settlement_line');
    expect(visibleLines.length).toBeLessThan(allLines);
    // The Shaoguan hospital leads its county medical community (P-06): it acts for its member too; the member only for itself.
    expect(distinct(await unscoped('procurement', hospital, 'SELECT id FROM procurement.institution'), 'id')).toEqual([I.shaoguanHospital, I.shaoguanTownship].sort());
    const township: Identity = { subject: 't', role: Role.INSTITUTION, region: '440203', org: I.shaoguanTownship };
    expect(await unscoped('procurement', township, 'SELECT id FROM procurement.institution')).toEqual([{ id: I.shaoguanTownship }]);
  });

  it('gives a distributor the orders it delivers, and a manufacturer those carrying its products', async () => {
    expect(distinct(await unscoped('procurement', yuebei, 'SELECT distributor_id FROM procurement.purchase_order'), 'distributor_id')).toEqual([E.yuebeiDistribution]);
    expect(distinct(await unscoped('distribution', yuebei, 'SELECT distributor_id FROM distribution.delivery'), 'distributor_id')).toEqual([E.yuebeiDistribution]);
    const manufacturerOrders = await unscoped('procurement', lingnan, 'SELECT id FROM procurement.purchase_order');
    const [{ n: carrying }] = await db.query<{ n: number }>(
      `SELECT count(DISTINCT l.order_id)::int AS n FROM procurement.order_line l JOIN procurement.product p ON p.id = l.product_id WHERE p.manufacturer_id = $1`,
      [E.lingnanPharma],
    );
    expect(manufacturerOrders).toHaveLength(carrying);
    expect(distinct(await unscoped('insurance', lingnan, 'SELECT enterprise_id FROM insurance.settlement'), 'enterprise_id')).toEqual(
      (await db.query<{ enterprise_id: string }>('SELECT DISTINCT enterprise_id FROM insurance.settlement WHERE enterprise_id = $1', [E.lingnanPharma])).map((r) => r.enterprise_id),
    );
  });

  it('gives a regulator its region subtree and nothing outside it', async () => {
    const regions = distinct(await unscoped('procurement', shaoguanRegulator, 'SELECT region_code FROM procurement.purchase_order'), 'region_code') as string[];
    expect(regions.length).toBeGreaterThan(0);
    expect(regions.every((r) => r.startsWith('4402'))).toBe(true);
    const institutions = distinct(await unscoped('procurement', shaoguanRegulator, 'SELECT region_code FROM procurement.institution'), 'region_code') as string[];
    expect(institutions.every((r) => r.startsWith('4402'))).toBe(true);
  });

  it('gives each caller the kept purchases (P-05) of the agreed volumes it sees, and nothing else', async () => {
    const kept = (identity: Identity | undefined) =>
      unscoped('procurement', identity, 'SELECT t.institution_id, t.region_code, t.product_id, av.id IS NOT NULL AS visible FROM procurement.agreed_volume_purchase t LEFT JOIN procurement.agreed_volume av ON av.id = t.agreed_volume_id');
    const everything = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM procurement.agreed_volume_purchase');
    expect(everything[0].n).toBeGreaterThan(0);
    for (const identity of [hospital, guichiHospital, lingnan, shaoguanRegulator]) {
      const rows = await kept(identity);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.length).toBeLessThan(everything[0].n);
      // Exactly the agreed volumes the caller sees: none of another institution's, region's or maker's.
      expect(rows.every((r) => r.visible)).toBe(true);
      const visibleAgreedVolumes = await unscoped('procurement', identity, 'SELECT 1 FROM procurement.agreed_volume');
      expect(rows).toHaveLength(visibleAgreedVolumes.length);
    }
    expect(distinct(await kept(hospital), 'institution_id')).toEqual(expect.arrayContaining([I.shaoguanHospital]));
    expect((distinct(await kept(shaoguanRegulator), 'region_code') as string[]).every((r) => r.startsWith('4402'))).toBe(true);
    expect(await kept(yuebei)).toEqual([]);
    expect(await kept(undefined)).toEqual([]);
  });

  it('gives a request without an identity no scoped row at all', async () => {
    for (const [subgraph, table] of [
      ['procurement', 'procurement.purchase_order'],
      ['procurement', 'procurement.institution'],
      ['distribution', 'distribution.delivery'],
      ['insurance', 'insurance.settlement'],
      ['quality', 'quality.inspection'],
      ...(['agreed_volume_copy', 'distributor_authorization', 'receipt_line', 'delivery_discrepancy', 'traceability_code', 'stock_report', 'stock_report_line', 'stock_level', 'capacity_report', 'production_stop'] as const).map(
        (t) => ['distribution', `distribution.${t}`] as const,
      ),
      ...(['agreed_volume', 'prepayment', 'prepayment_entry'] as const).map((t) => ['insurance', `insurance.${t}`] as const),
      ...(['incident', 'enterprise_ban', 'credit_record', 'price_risk_flag', 'stock_level', 'production_stop'] as const).map((t) => ['quality', `quality.${t}`] as const),
    ] as const) {
      expect(await unscoped(subgraph, undefined, `SELECT 1 FROM ${table}`)).toEqual([]);
    }
  });

  it('refuses writes into another organisation’s rows, whatever the SQL says', async () => {
    const [other] = await db.query<{ id: string }>('SELECT id FROM procurement.purchase_order WHERE institution_id <> $1 LIMIT 1', [I.shaoguanHospital]);
    const updated = await unscoped('procurement', hospital, `UPDATE procurement.purchase_order SET state = 'CANCELLED' WHERE id = $1 RETURNING id`, [other.id]);
    // TypeORM answers an UPDATE with [rows, affected]: none.
    expect(updated).toEqual([[], 0]);
    await expect(
      unscoped(
        'procurement',
        hospital,
        `INSERT INTO procurement.purchase_order (id, institution_id, region_code, distributor_id, state, total_amount)
         VALUES (gen_random_uuid(), $1, '341702', $2, 'PLACED', 1)`,
        [I.guichiHospital, E.jianghuaiLogistics],
      ),
    ).rejects.toThrow(/row-level security/);
    const [{ state }] = await db.query<{ state: string }>('SELECT state FROM procurement.purchase_order WHERE id = $1', [other.id]);
    expect(state).not.toBe('CANCELLED');
  });

  it('gives an enterprise only its own stock reports, stock, capacity and production stops (D-05)', async () => {
    for (const table of ['distribution.stock_report', 'distribution.stock_level', 'distribution.capacity_report', 'distribution.production_stop']) {
      const [{ n: own }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE enterprise_id = $1`, [E.lingnanPharma]);
      const seen = await unscoped('distribution', lingnan, `SELECT enterprise_id FROM ${table}`);
      expect(own).toBeGreaterThan(0);
      expect(seen).toHaveLength(own);
      expect(distinct(seen, 'enterprise_id')).toEqual([E.lingnanPharma]);
    }
    const lines = await unscoped('distribution', yuebei, 'SELECT r.enterprise_id FROM distribution.stock_report_line l JOIN distribution.stock_report r ON r.id = l.report_id');
    expect(distinct(lines, 'enterprise_id')).toEqual([E.yuebeiDistribution]);
    expect(await unscoped('distribution', yuebei, 'SELECT 1 FROM distribution.stock_report_line l WHERE NOT EXISTS (SELECT 1 FROM distribution.stock_report r WHERE r.id = l.report_id)')).toEqual([]);
    expect(distinct(await unscoped('quality', yuebei, 'SELECT enterprise_id FROM quality.stock_level'), 'enterprise_id')).toEqual([E.yuebeiDistribution]);
    // Regulators: their region's stock; an institution none at all (it sees shortage totals only).
    const regions = distinct(await unscoped('distribution', shaoguanRegulator, 'SELECT region_code FROM distribution.stock_level'), 'region_code') as string[];
    expect(regions.length).toBeGreaterThan(0);
    expect(regions.every((r) => r.startsWith('4402'))).toBe(true);
    expect(await unscoped('distribution', hospital, 'SELECT 1 FROM distribution.stock_level')).toEqual([]);
    expect(await unscoped('quality', hospital, 'SELECT 1 FROM quality.stock_level')).toEqual([]);
  });

  it('gives a manufacturer only its own distributor authorisations and a distributor those it holds (D-02)', async () => {
    const [{ n: granted }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM distribution.distributor_authorization WHERE manufacturer_id = $1', [E.lingnanPharma]);
    const seen = await unscoped('distribution', lingnan, 'SELECT manufacturer_id FROM distribution.distributor_authorization');
    expect(granted).toBeGreaterThan(0);
    expect(seen).toHaveLength(granted);
    expect(distinct(seen, 'manufacturer_id')).toEqual([E.lingnanPharma]);
    expect(distinct(await unscoped('distribution', yuebei, 'SELECT distributor_id FROM distribution.distributor_authorization'), 'distributor_id')).toEqual([E.yuebeiDistribution]);
    // Another manufacturer's winning product cannot be authorised for by writing the row directly.
    const [foreign] = await db.query<Record<string, unknown>>('SELECT * FROM distribution.distributor_authorization WHERE manufacturer_id <> $1 LIMIT 1', [E.lingnanPharma]);
    await expect(
      unscoped(
        'distribution',
        lingnan,
        `INSERT INTO distribution.distributor_authorization (id, winning_product_id, product_id, manufacturer_id, distributor_id, kind, pooling_region_code, coverage_region_codes, status, authorized_at)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, '340000', ARRAY['340000'], 'ACTIVE', now())`,
        [foreign.winning_product_id, foreign.product_id, foreign.manufacturer_id, E.jianghuaiLogistics, foreign.kind],
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('hides other distributors’ traceability codes yet still refuses a code already delivered by one (D-06)', async () => {
    const jianghuai: Identity = { subject: 'j', role: Role.DISTRIBUTOR, region: '340100', org: E.jianghuaiLogistics };
    const [taken] = await db.query<{ code: string; delivery_id: string }>(
      'SELECT t.code, t.delivery_id FROM distribution.traceability_code t JOIN distribution.delivery d ON d.id = t.delivery_id WHERE d.distributor_id = $1 LIMIT 1',
      [E.yuebeiDistribution],
    );
    expect(await unscoped('distribution', jianghuai, 'SELECT 1 FROM distribution.traceability_code WHERE code = $1', [taken.code])).toEqual([]);
    // As recordTraceabilityCodes asks for one of Jianghuai's own deliveries (any other id than the pack's).
    const ownDelivery = '00000000-0000-4000-8000-000000000001';
    const clash = await unscoped('distribution', jianghuai, 'SELECT code FROM distribution.traceability_codes_taken($1::text[], $2::int[], $3::uuid) AS t(code)', [[taken.code], [1], ownDelivery]);
    expect(clash).toEqual([{ code: taken.code }]);
  });

  it('gives an institution only its own prepayments and their ledger (I-05), and other departments none', async () => {
    const own = await unscoped('insurance', hospital, 'SELECT institution_id FROM insurance.prepayment');
    expect(own.length).toBeGreaterThan(0);
    expect(distinct(own, 'institution_id')).toEqual([I.shaoguanHospital]);
    const entries = await unscoped('insurance', hospital, 'SELECT p.institution_id FROM insurance.prepayment_entry e JOIN insurance.prepayment p ON p.id = e.prepayment_id');
    const [{ n: ownEntries }] = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM insurance.prepayment_entry e JOIN insurance.prepayment p ON p.id = e.prepayment_id WHERE p.institution_id = $1',
      [I.shaoguanHospital],
    );
    expect(ownEntries).toBeGreaterThan(0);
    expect(await unscoped('insurance', hospital, 'SELECT 1 FROM insurance.prepayment_entry')).toHaveLength(ownEntries);
    expect(distinct(entries, 'institution_id')).toEqual([I.shaoguanHospital]);
    expect(distinct(await unscoped('insurance', hospital, 'SELECT institution_id FROM insurance.agreed_volume'), 'institution_id')).toEqual([I.shaoguanHospital]);
    const healthRegulator: Identity = { ...shaoguanRegulator, department: Department.HEALTH_COMMISSION };
    expect(await unscoped('insurance', healthRegulator, 'SELECT 1 FROM insurance.prepayment')).toEqual([]);
    const regions = distinct(await unscoped('insurance', shaoguanRegulator, 'SELECT region_code FROM insurance.prepayment'), 'region_code') as string[];
    expect(regions.length).toBeGreaterThan(0);
    expect(regions.every((r) => r.startsWith('4402'))).toBe(true);
    expect(await unscoped('insurance', lingnan, 'SELECT 1 FROM insurance.prepayment')).toEqual([]);
  });

  it('gives an enterprise only the incidents, credit records and price-risk flags that concern it (Q-02, Q-04, Q-05)', async () => {
    const incidents = await unscoped('quality', lingnan, 'SELECT enterprise_id, substitute_supplier_id FROM quality.incident');
    expect(incidents.length).toBeGreaterThan(0);
    expect(incidents.every((i) => i.enterprise_id === E.lingnanPharma || i.substitute_supplier_id === E.lingnanPharma)).toBe(true);
    // Jintong's incident names Lingnan as the substitute supplier: it stays visible to Lingnan.
    expect(incidents.some((i) => i.enterprise_id !== E.lingnanPharma)).toBe(true);
    expect(distinct(await unscoped('quality', lingnan, 'SELECT enterprise_id FROM quality.credit_record'), 'enterprise_id')).toEqual([E.lingnanPharma]);
    expect(distinct(await unscoped('quality', lingnan, 'SELECT enterprise_id FROM quality.price_risk_flag'), 'enterprise_id')).toEqual([E.lingnanPharma]);
    expect(distinct(await unscoped('quality', lingnan, 'SELECT enterprise_id FROM quality.enterprise_ban'), 'enterprise_id')).toEqual([E.lingnanPharma]);
    expect(await unscoped('quality', yuebei, 'SELECT 1 FROM quality.price_risk_flag')).toEqual([]);
    expect(await unscoped('quality', hospital, 'SELECT 1 FROM quality.credit_record')).toEqual([]);
  });

  it('covers every table that holds organisation- or region-scoped rows (a new table without a policy fails here)', async () => {
    // Tables every persona may read in full: the catalogue, the directories, published policy, and the
    // event plumbing (which holds no organisation's data beyond what the events' own tables guard).
    const PUBLIC = new Set([
      'procurement.product', 'procurement.listing', 'procurement.jurisdiction_policy',
      'distribution.enterprise', 'distribution.jurisdiction_policy',
      'insurance.payment_standard', 'insurance.jurisdiction_policy',
      'quality.jurisdiction_policy',
      // Published procurement results and decisions: who won at what price (P-03), and the dishonesty bans
      // every institution must apply (G-08), copied from quality.
      'procurement.winning_product', 'procurement.enterprise_ban',
      // Winning products as procurement announced them (中选结果 are published): D-02/D-05 check them for any caller.
      'distribution.winning_product_copy',
      // Dishonesty bans are published (失信名单); the manufacturer's own are what authorizeDistributor reads (G-08).
      'distribution.enterprise_ban_copy',
      // Remote areas (偏远地区) are published policy designations, read for every D-04 deadline.
      'distribution.remote_area',
      // The published catalogue and winning prices, from which I-01..I-04 derive payment standards for everyone.
      'insurance.catalogue_product', 'insurance.winning_product',
      // The enterprise register (public registration data), copied to check the ids quality is given.
      'quality.enterprise',
      // Listings and their prices are published on the procurement platform (挂网价); compare them.
      'quality.listing',
      // Shortage watch lists are published lists a region applies, read by institutions and regulators.
      'quality.shortage_watch',
      // Read only as region totals (Q-06 monthly need, Q-05 sales growth) that institutions may also ask for.
      'quality.agreed_volume', 'quality.sale_line',
    ]);
    const rows = await db.query<{ table_name: string; relrowsecurity: boolean }>(
      `SELECT n.nspname || '.' || c.relname AS table_name, c.relrowsecurity
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind = 'r' AND n.nspname = ANY($1)
          AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                        AND a.attname IN ('region_code', 'institution_id', 'enterprise_id', 'distributor_id', 'manufacturer_id', 'order_id', 'settlement_id', 'sampled_at_org_id'))`,
      [[...SUBGRAPHS]],
    );
    const uncovered = rows.filter((r) => !r.relrowsecurity && !PUBLIC.has(r.table_name)).map((r) => r.table_name);
    expect(uncovered).toEqual([]);
  });
});
