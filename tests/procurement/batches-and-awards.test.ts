import { DEMO } from '../../subgraphs/shared/demo/ids';
import { DEMO_BATCHES, DEMO_WINNING_PRODUCTS } from '../../subgraphs/shared/demo/awards';
import { errorCodes } from '../support/graphql-client';
import { startTestHub, TestHub } from '../support/hub';
import { tokenFor } from '../support/tokens';

const P = DEMO.products;
const NATIONAL_BATCH = DEMO_BATCHES[0].id;
const CREATE = `mutation ($input: CreateBatchInput!) { createBatch(input: $input) { id level regionCodes genericNames cycleStart cycleEnd } }`;
const AWARD = `mutation ($input: AwardWinningProductInput!) { awardWinningProduct(input: $input) { id winningPrice unit product { id } batch { id } manufacturer { id } } }`;

describe('batches and winning products (P-01, P-02, P-03, G-10)', () => {
  let hub: TestHub;
  let national: string;
  beforeAll(async () => {
    hub = await startTestHub({ events: false });
    national = await tokenFor({ subject: 'nhsa', role: 'REGULATOR', department: 'MEDICAL_INSURANCE', region: '000000' });
  });
  afterAll(() => hub.close());

  const batchCount = async () => Number((await hub.db.query<{ n: string }>('SELECT count(*) AS n FROM procurement.batch'))[0].n);

  it('P-01 filters the catalogue by generic name text, batch and winning, and shows where a product won', async () => {
    const q = `query ($f: ProductFilter) { products(filter: $f, page: { first: 50 }) { nodes { id winningIn { winningPrice batch { id } } } } }`;
    const contains = await hub.query<{ products: { nodes: Array<{ id: string }> } }>('hospital', q, { f: { genericNameContains: '阿托伐' } });
    expect(contains.body.data!.products.nodes.map((n) => n.id).sort()).toEqual([P.atorvastatinLingnan, P.atorvastatinHuayue].sort());
    const losers = await hub.query<{ products: { nodes: Array<{ id: string }> } }>('hospital', q, { f: { batchId: NATIONAL_BATCH, winning: false } });
    expect(losers.body.data!.products.nodes.map((n) => n.id)).toEqual([P.atorvastatinHuayue]);
    const winners = await hub.query<{ products: { nodes: Array<{ id: string; winningIn: Array<{ winningPrice: string }> }> } }>('manufacturer', q, {
      f: { batchId: NATIONAL_BATCH, winning: true, manufacturerId: DEMO.enterprises.lingnanPharma, kind: 'DRUG' },
    });
    expect(winners.body.errors).toBeUndefined();
    expect(winners.body.data!.products.nodes).toEqual([{ id: P.atorvastatinLingnan, winningIn: [{ winningPrice: '0.12', batch: { id: NATIONAL_BATCH } }] }]);
  });

  it('P-02 lets a provincial insurance bureau open its province’s batch, and lists it by region', async () => {
    const input = { name: '广东省降压药集中带量采购（测试）', level: 'PROVINCIAL', kind: 'DRUG', regionCodes: ['440000'], genericNames: ['苯磺酸氨氯地平片'], cycleStart: '2026-01-01', cycleEnd: '2027-12-31' };
    const created = await hub.query<{ createBatch: { id: string } }>('insurance-regulator', CREATE, { input });
    expect(created.body.errors).toBeUndefined();
    const listed = await hub.query<{ batches: { nodes: Array<{ id: string }> } }>('hospital', `{ batches(filter: { regionCode: "440203", level: PROVINCIAL, genericName: "苯磺酸氨氯地平片" }) { nodes { id } } }`);
    expect(listed.body.data!.batches.nodes.map((b) => b.id)).toContain(created.body.data!.createBatch.id);
    const elsewhere = await hub.query<{ batches: { nodes: Array<{ id: string }> } }>('hospital', `{ batches(filter: { regionCode: "500000", level: PROVINCIAL }) { nodes { id } } }`);
    expect(elsewhere.body.data!.batches.nodes.map((b) => b.id)).not.toContain(created.body.data!.createBatch.id);
  });

  it('P-02 refuses a cycle that ends before it starts, naming the rule, and writes nothing', async () => {
    const before = await batchCount();
    const input = { name: '广东省测试批次', level: 'PROVINCIAL', kind: 'DRUG', regionCodes: ['440000'], genericNames: ['苯磺酸氨氯地平片'], cycleStart: '2026-06-01', cycleEnd: '2026-05-31' };
    const response = await hub.query('insurance-regulator', CREATE, { input });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors![0].message).toMatch(/^P-02/);
    expect(await batchCount()).toBe(before);
  });

  it('P-02 leaves national batches to the national bureau and alliances to a member province', async () => {
    const before = await batchCount();
    const nationalInput = { name: '国家组织药品集采（测试）', level: 'NATIONAL', kind: 'DRUG', regionCodes: ['000000'], genericNames: ['盐酸二甲双胍片'], cycleStart: '2026-01-01', cycleEnd: '2027-12-31' };
    expect(errorCodes(await hub.query('insurance-regulator', CREATE, { input: nationalInput }))).toEqual(['FORBIDDEN']);
    const alliance = { ...nationalInput, name: '川渝联盟集采（测试）', level: 'ALLIANCE', regionCodes: ['500000', '510000'] };
    expect(errorCodes(await hub.query('insurance-regulator', CREATE, { input: alliance }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await hub.query('health-regulator', CREATE, { input: { ...nationalInput, level: 'PROVINCIAL', regionCodes: ['440000'] } }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await hub.query('insurance-regulator', CREATE, { input: { ...alliance, regionCodes: ['440000'] } }))).toEqual(['BAD_USER_INPUT']);
    expect(await batchCount()).toBe(before);
    const created = await hub.query({ token: national }, CREATE, { input: nationalInput });
    expect(created.body.errors).toBeUndefined();
  });

  it('G-10 renews a Shanxi contract started in the first half on 1 July of the next year, one started in the second half on 1 January after that', async () => {
    const q = `query ($id: ID!) { batch(id: $id) { sx: contractYears(regionCode: "141102") { start end renewsOn renewalRule source { regionCode } }
                                                 gd: contractYears(regionCode: "440203") { start end renewsOn renewalRule } } }`;
    const h1 = await hub.query<{ createBatch: { id: string } }>({ token: national }, CREATE, {
      input: { name: '国家集采（上半年开始，测试）', level: 'NATIONAL', kind: 'DRUG', regionCodes: ['000000'], genericNames: ['盐酸二甲双胍片'], cycleStart: '2022-03-15', cycleEnd: '2024-12-31' },
    });
    const years = await hub.query<{ batch: { sx: unknown[]; gd: unknown[] } }>('industry-regulator', q, { id: h1.body.data!.createBatch.id });
    expect(years.body.errors).toBeUndefined();
    expect(years.body.data!.batch.sx).toEqual([
      { start: '2022-03-15', end: '2023-06-30', renewsOn: '2023-07-01', renewalRule: 'HALF_YEAR_ALIGNED', source: { regionCode: '141100' } },
      { start: '2023-07-01', end: '2024-06-30', renewsOn: '2024-07-01', renewalRule: 'HALF_YEAR_ALIGNED', source: { regionCode: '141100' } },
      { start: '2024-07-01', end: '2024-12-31', renewsOn: null, renewalRule: 'HALF_YEAR_ALIGNED', source: { regionCode: '141100' } },
    ]);
    // Guangdong sets no G-10 rule: agreements renew on their anniversary.
    expect(years.body.data!.batch.gd).toEqual([
      { start: '2022-03-15', end: '2023-03-14', renewsOn: '2023-03-15', renewalRule: 'CONTRACT_ANNIVERSARY' },
      { start: '2023-03-15', end: '2024-03-14', renewsOn: '2024-03-15', renewalRule: 'CONTRACT_ANNIVERSARY' },
      { start: '2024-03-15', end: '2024-12-31', renewsOn: null, renewalRule: 'CONTRACT_ANNIVERSARY' },
    ]);
    const h2 = await hub.query<{ createBatch: { id: string } }>({ token: national }, CREATE, {
      input: { name: '国家集采（下半年开始，测试）', level: 'NATIONAL', kind: 'DRUG', regionCodes: ['000000'], genericNames: ['盐酸二甲双胍片'], cycleStart: '2022-09-20', cycleEnd: '2025-09-19' },
    });
    const second = await hub.query<{ batch: { sx: Array<{ start: string; end: string }> } }>('industry-regulator', q, { id: h2.body.data!.createBatch.id });
    expect(second.body.data!.batch.sx.map((y) => [y.start, y.end])).toEqual([
      ['2022-09-20', '2023-12-31'],
      ['2024-01-01', '2024-12-31'],
      ['2025-01-01', '2025-09-19'],
    ]);
  });

  it('P-03 awards a winning product once, records WinningProductAwarded in the same transaction, and a second award is a CONFLICT', async () => {
    const input = { batchId: NATIONAL_BATCH, productId: P.atorvastatinHuayue, winningPrice: '0.1250', unit: '片' };
    const first = await hub.query<{ awardWinningProduct: { id: string; winningPrice: string; manufacturer: { id: string } } }>({ token: national }, AWARD, { input });
    expect(first.body.errors).toBeUndefined();
    const award = first.body.data!.awardWinningProduct;
    expect(award.winningPrice).toBe('0.125');
    expect(award.manufacturer.id).toBe(DEMO.enterprises.huayuePharma);
    const events = await hub.db.query<{ payload: Record<string, unknown> }>(`SELECT payload FROM procurement.outbox_event WHERE type = 'WinningProductAwarded' AND key = $1`, [award.id]);
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ winningProductId: award.id, batchId: NATIONAL_BATCH, regionCodes: ['000000'], productId: P.atorvastatinHuayue, winningPrice: '0.125', unit: '片', genericName: '阿托伐他汀钙片' });

    const again = await hub.query({ token: national }, AWARD, { input: { ...input, winningPrice: '0.1000' } });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    const rows = await hub.db.query<{ winning_price: string }>(`SELECT winning_price::text FROM procurement.winning_product WHERE id = $1`, [award.id]);
    expect(rows).toEqual([{ winning_price: '0.125000' }]);
  });

  it('P-03 refuses a product outside the batch’s kind or generic names, and a province may not award into a national batch', async () => {
    const before = await hub.db.query('SELECT id FROM procurement.winning_product');
    const wrongKind = await hub.query({ token: national }, AWARD, { input: { batchId: NATIONAL_BATCH, productId: P.stentBayu, winningPrice: '500', unit: '套' } });
    expect(errorCodes(wrongKind)).toEqual(['BAD_USER_INPUT']);
    expect(wrongKind.body.errors![0].message).toMatch(/^P-03/);
    const province = await hub.query('insurance-regulator', AWARD, { input: { batchId: NATIONAL_BATCH, productId: P.atorvastatinHuayue, winningPrice: '0.1', unit: '片' } });
    expect(errorCodes(province)).toEqual(['FORBIDDEN']);
    expect(await hub.db.query('SELECT id FROM procurement.winning_product')).toEqual(before);
  });

  it('P-03 offers no way to change a winning price, and the database refuses one', async () => {
    const mutations = await hub.query<{ __schema: { mutationType: { fields: Array<{ name: string }> } } }>('insurance-regulator', '{ __schema { mutationType { fields { name } } } }');
    expect(mutations.body.data!.__schema.mutationType.fields.map((f) => f.name).filter((n) => /winning/i.test(n))).toEqual(['awardWinningProduct']);
    await expect(hub.db.query(`UPDATE procurement.winning_product SET winning_price = winning_price / 2 WHERE id = $1`, [DEMO_WINNING_PRODUCTS[0].id])).rejects.toThrow(/P-03/);
  });
});
