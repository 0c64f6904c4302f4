import { randomUUID } from 'node:crypto';
import { DEMO } from '../../subgraphs/shared/demo/ids';
import { eventually } from '../support/eventually';
import { errorCodes } from '../support/graphql-client';
import { ok, PLACE_ORDER } from '../support/flow';
import { startTestHub, TestHub } from '../support/hub';
import { recordOutboxEvent } from '../support/outbox-events';
import { tokenFor } from '../support/tokens';

const P = DEMO.products;
const E = DEMO.enterprises;
const FIELDS = 'id regionCode listedPrice unit status zone version product { id }';
const LIST = `mutation ($input: ListProductInput!) { listProduct(input: $input) { ${FIELDS} } }`;
const change = (name: string) => `mutation ($input: ChangeListingInput!) { ${name}(input: $input) { ${FIELDS} } }`;
const HISTORY = `query ($id: ID!) { listing(id: $id) { status version history { version action status zone listedPrice reason actor requestId changedAt } } }`;

type ListingView = { id: string; status: string; zone: string; version: number; listedPrice: string };

describe('P-08 listings (挂网) and their management', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub.close());

  const order = (productId: string, unitPrice = '0.12') =>
    hub.query('hospital', PLACE_ORDER, { input: { distributorId: E.yuebeiDistribution, lines: [{ productId, quantity: 10, unitPrice }] } });

  async function historyCount(listingId: string): Promise<number> {
    const [{ n }] = await hub.db.query('SELECT count(*)::int AS n FROM procurement.listing_history WHERE listing_id = $1', [listingId]);
    return n as number;
  }

  it('P-08 lists the demo listings by status and zone, published to every persona', async () => {
    const suspended = ok(await hub.query<{ listings: { nodes: Array<{ product: { id: string }; regionCode: string }> } }>('manufacturer', `{ listings(filter: { status: SUSPENDED, regionCode: "440000" }) { nodes { regionCode product { id } } } }`));
    expect(suspended.listings.nodes).toEqual([{ regionCode: '440000', product: { id: P.stentBayu } }]);
    const inactive = ok(await hub.query<{ listings: { nodes: Array<{ product: { id: string } }> } }>('hospital', `{ listings(filter: { zone: INACTIVE }) { nodes { product { id } } } }`));
    expect(inactive.listings.nodes.map((n) => n.product.id)).toEqual([P.infusionSetJintong]);
    const byProduct = ok(await hub.query<{ listings: { nodes: Array<{ regionCode: string }> } }>('distributor', `query ($p: ID!) { listings(filter: { productId: $p }, page: { first: 100 }) { nodes { regionCode } } }`, { p: P.metforminJintong }));
    expect(byProduct.listings.nodes.map((n) => n.regionCode).sort()).toEqual(['140000', '340000', '440000', '500000']);
  });

  it('P-08 walks a listing through list → suspend → restore → delist → re-list, refusing orders while SUSPENDED or DELISTED', async () => {
    const { listProduct } = ok(await hub.query<{ listProduct: ListingView }>('insurance-regulator', LIST, {
      input: { productId: P.atorvastatinLingnan, regionCode: '440200', listedPrice: '0.1230', unit: '片', zone: 'ACTIVE', reason: '韶关市挂网（测试）' },
    }));
    expect(listProduct).toMatchObject({ status: 'LISTED', zone: 'ACTIVE', version: 1, listedPrice: '0.123' });
    expect(errorCodes(await order(P.atorvastatinLingnan, '0.124'))).toEqual(['BAD_USER_INPUT']); // above the nearest (440200) listing
    ok(await order(P.atorvastatinLingnan, '0.123'));

    const suspended = ok(await hub.query<{ suspendListing: ListingView }>('insurance-regulator', change('suspendListing'), { input: { listingId: listProduct.id, reason: '价格风险', expectedVersion: 1 } })).suspendListing;
    expect(suspended).toMatchObject({ status: 'SUSPENDED', version: 2 });
    const refused = await order(P.atorvastatinLingnan);
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.body.errors![0].message).toMatch(/^P-08/);

    const restored = ok(await hub.query<{ restoreListing: ListingView }>('insurance-regulator', change('restoreListing'), { input: { listingId: listProduct.id, reason: '整改完成', zone: 'INACTIVE' } })).restoreListing;
    expect(restored).toMatchObject({ status: 'RESTORED', zone: 'INACTIVE', version: 3 });
    ok(await order(P.atorvastatinLingnan));

    expect(ok(await hub.query<{ delistProduct: ListingView }>('insurance-regulator', change('delistProduct'), { input: { listingId: listProduct.id, reason: '企业申请撤网' } })).delistProduct.status).toBe('DELISTED');
    expect(errorCodes(await order(P.atorvastatinLingnan))).toEqual(['BAD_USER_INPUT']);

    const relisted = ok(await hub.query<{ listProduct: ListingView }>('insurance-regulator', LIST, {
      input: { productId: P.atorvastatinLingnan, regionCode: '440200', listedPrice: '0.1200', unit: '片', zone: 'ACTIVE', reason: '重新挂网申请', expectedVersion: 4 },
    })).listProduct;
    expect(relisted).toMatchObject({ id: listProduct.id, status: 'LISTED', version: 5, listedPrice: '0.12' });

    const { listing } = ok(await hub.query<{ listing: { history: Array<Record<string, unknown>> } }>('insurance-regulator', HISTORY, { id: listProduct.id }));
    expect(listing.history.map((h) => [h.version, h.action, h.status, h.zone, h.listedPrice, h.reason, h.actor])).toEqual([
      [1, 'LIST', 'LISTED', 'ACTIVE', '0.123', '韶关市挂网（测试）', 'demo-gd-insurance'],
      [2, 'SUSPEND', 'SUSPENDED', 'ACTIVE', '0.123', '价格风险', 'demo-gd-insurance'],
      [3, 'RESTORE', 'RESTORED', 'INACTIVE', '0.123', '整改完成', 'demo-gd-insurance'],
      [4, 'DELIST', 'DELISTED', 'INACTIVE', '0.123', '企业申请撤网', 'demo-gd-insurance'],
      [5, 'RELIST', 'LISTED', 'ACTIVE', '0.12', '重新挂网申请', 'demo-gd-insurance'],
    ]);
    expect(listing.history.every((h) => typeof h.requestId === 'string' && typeof h.changedAt === 'string')).toBe(true);
    const events = await hub.db.query(`SELECT key_seq, payload->>'status' AS status, payload->>'reason' AS reason FROM procurement.outbox_event WHERE type = 'ListingChanged' AND key = $1 ORDER BY key_seq`, [listProduct.id]);
    expect(events.map((e) => e.status)).toEqual(['LISTED', 'SUSPENDED', 'RESTORED', 'DELISTED', 'LISTED']);
  });

  it('P-08 allows restore only from SUSPENDED and refuses other transitions with CONFLICT, writing nothing', async () => {
    const [{ id, version }] = await hub.db.query(`SELECT id, version FROM procurement.listing WHERE product_id = $1 AND region_code = '500000'`, [P.metforminJintong]);
    const before = await historyCount(id as string);
    for (const name of ['restoreListing', 'suspendListing', 'delistProduct']) {
      const response = await hub.query({ token: await tokenFor({ subject: 'cq-insurance', role: 'REGULATOR', department: 'MEDICAL_INSURANCE', region: '500000' }) }, change(name), { input: { listingId: id, reason: '测试' } });
      expect(errorCodes(response)).toEqual(['CONFLICT']);
    }
    const already = await hub.query('insurance-regulator', LIST, { input: { productId: P.amlodipineHuayue, regionCode: '440000', listedPrice: '0.05', unit: '片', zone: 'ACTIVE', reason: '重复' } });
    expect(errorCodes(already)).toEqual(['CONFLICT']);
    expect(await historyCount(id as string)).toBe(before);
    const [after] = await hub.db.query('SELECT version, status FROM procurement.listing WHERE id = $1', [id]);
    expect(after).toEqual({ version, status: 'DELISTED' });
  });

  it('P-08 refuses a stale expectedVersion with CONFLICT and changes nothing', async () => {
    const [{ id }] = await hub.db.query(`SELECT id FROM procurement.listing WHERE product_id = $1 AND region_code = '440000'`, [P.atorvastatinHuayue]);
    const before = await historyCount(id as string);
    const response = await hub.query('insurance-regulator', change('suspendListing'), { input: { listingId: id, reason: '过期版本', expectedVersion: 1 } });
    expect(errorCodes(response)).toEqual(['CONFLICT']);
    expect(await historyCount(id as string)).toBe(before);
    expect((await hub.db.query('SELECT status FROM procurement.listing WHERE id = $1', [id]))[0].status).toBe('RESTORED');
  });

  it('P-08 lets only medical-insurance regulators change listings, and only in their region (another region is NOT_FOUND like a missing id)', async () => {
    const [{ id }] = await hub.db.query(`SELECT id FROM procurement.listing WHERE product_id = $1 AND region_code = '440000'`, [P.amlodipineHuayue]);
    const input = { listingId: id, reason: '越权' };
    expect(errorCodes(await hub.query('health-regulator', change('suspendListing'), { input }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await hub.query('hospital', change('suspendListing'), { input }))).toEqual(['FORBIDDEN']);
    const chongqing = { token: await tokenFor({ subject: 'cq', role: 'REGULATOR', department: 'MEDICAL_INSURANCE', region: '500000' }) };
    const other = await hub.query(chongqing, change('suspendListing'), { input });
    const missing = await hub.query(chongqing, change('suspendListing'), { input: { ...input, listingId: randomUUID() } });
    expect(errorCodes(other)).toEqual(['NOT_FOUND']);
    expect(other.body.errors![0].message.replace(id as string, 'ID')).toBe(missing.body.errors![0].message.replace(/[0-9a-f-]{36}/, 'ID'));
    const outside = await hub.query(chongqing, LIST, { input: { productId: P.stentBayu, regionCode: '440000', listedPrice: '1', unit: '套', zone: 'ACTIVE', reason: '越权' } });
    expect(errorCodes(outside)).toEqual(['FORBIDDEN']);
    expect((await hub.db.query('SELECT status FROM procurement.listing WHERE id = $1', [id]))[0].status).toBe('LISTED');
  });

  it('P-08 keeps the change history from institutions and enterprises', async () => {
    const [{ id }] = await hub.db.query(`SELECT id FROM procurement.listing WHERE product_id = $1 AND region_code = '440000'`, [P.stentBayu]);
    expect(errorCodes(await hub.query('hospital', HISTORY, { id }))).toContain('FORBIDDEN');
    const seen = ok(await hub.query<{ listing: { history: Array<{ action: string }> } }>('health-regulator', HISTORY, { id }));
    expect(seen.listing.history.map((h) => h.action)).toEqual(['LIST', 'SUSPEND']);
  });

  it('Q-05 → P-08 applies quality’s SUSPEND decision to the listing with history, the decision as actor', async () => {
    const [{ id }] = await hub.db.query(`SELECT id FROM procurement.listing WHERE product_id = $1 AND region_code = '140000'`, [P.atorvastatinLingnan]);
    const flagId = randomUUID();
    await recordOutboxEvent(hub, 'quality', 'ListingActionDecided', `${P.atorvastatinLingnan}:140000`, {
      flagId, productId: P.atorvastatinLingnan, regionCode: '140000', action: 'SUSPEND', colour: 'YELLOW', reason: '销售额异常增长', decidedAt: new Date().toISOString(),
    });
    const national = { token: await tokenFor({ subject: 'nat', role: 'REGULATOR', department: 'MEDICAL_INSURANCE', region: '000000' }) };
    const listing = await eventually(async () => {
      const { listing: seen } = ok(await hub.query<{ listing: { status: string; history: Array<{ action: string; actor: string; reason: string; requestId: string | null }> } }>(national, HISTORY, { id }));
      expect(seen.status).toBe('SUSPENDED');
      return seen;
    });
    expect(listing.history[listing.history.length - 1]).toMatchObject({ action: 'SUSPEND', actor: `quality:price-risk-flag:${flagId}`, reason: 'Q-05 YELLOW flag: 销售额异常增长', requestId: null });
    const [{ n }] = await hub.db.query(`SELECT count(*)::int AS n FROM procurement.outbox_event WHERE type = 'ListingChanged' AND key = $1`, [id]);
    expect(n).toBe(1);
  });

  it('Q-05 → P-08 applies a DELIST decision to a suspended listing, and leaves a listing already there as it is', async () => {
    const [{ id }] = await hub.db.query(`SELECT id FROM procurement.listing WHERE product_id = $1 AND region_code = '440000'`, [P.stentBayu]);
    const key = `${P.stentBayu}:440000`;
    const decision = { productId: P.stentBayu, regionCode: '440000', colour: 'RED', reason: '价格异常', decidedAt: new Date().toISOString() };
    await recordOutboxEvent(hub, 'quality', 'ListingActionDecided', key, { ...decision, flagId: randomUUID(), action: 'DELIST' });
    await eventually(async () => expect((await hub.db.query('SELECT status FROM procurement.listing WHERE id = $1', [id]))[0].status).toBe('DELISTED'));
    const history = await historyCount(id as string);
    const late = await recordOutboxEvent(hub, 'quality', 'ListingActionDecided', key, { ...decision, flagId: randomUUID(), action: 'SUSPEND' });
    await eventually(async () => expect(await hub.db.query('SELECT 1 FROM procurement.inbox WHERE event_id = $1', [late.id])).toHaveLength(1));
    expect((await hub.db.query('SELECT status FROM procurement.listing WHERE id = $1', [id]))[0].status).toBe('DELISTED');
    expect(await historyCount(id as string)).toBe(history);
  });
});
