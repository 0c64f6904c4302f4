import { DEMO } from '../../subgraphs/shared/demo/ids';
import { DEMO_AGREED_VOLUMES, DEMO_BATCHES, DEMO_MEDICAL_COMMUNITIES, DEMO_WINNING_PRODUCTS, demoCycleStart, endAfterYears } from '../../subgraphs/shared/demo/awards';
import { errorCodes } from '../support/graphql-client';
import { startTestHub, TestHub } from '../support/hub';
import { tokenFor } from '../support/tokens';

const I = DEMO.institutions;
const P = DEMO.products;
const winnerOf = (productId: string, batch = 0) => DEMO_WINNING_PRODUCTS.find((w) => w.productId === productId && w.batchId === DEMO_BATCHES[batch].id)!;
const ATORVASTATIN = winnerOf(P.atorvastatinLingnan);
const AMLODIPINE = winnerOf(P.amlodipineHuayue);
const STENT = winnerOf(P.stentBayu, 1);
const volumeId = (w: { id: string }, institutionId: string) => DEMO_AGREED_VOLUMES.find((v) => v.winningProductId === w.id && v.institutionId === institutionId)!.id;

const SET = `mutation ($input: SetAgreedVolumeInput!) { setAgreedVolume(input: $input) { id quantity amount version contractYearStart contractYearEnd institution { id } winningProduct { id } } }`;
const MOVE = `mutation ($input: ReallocateAgreedVolumeInput!) { reallocateAgreedVolume(input: $input) { id quantity contractYearStart reallocatedBy fromInstitution { id } toInstitution { id } medicalCommunity { id } } }`;
const LIST = `query ($f: AgreedVolumeFilter) { agreedVolumes(filter: $f, page: { first: 100 }) { nodes { id quantity version institution { id } } } }`;

describe('medical communities, agreed volumes and reallocation (P-04, P-06, G-09)', () => {
  let hub: TestHub;
  let national: string;
  let township: string;
  beforeAll(async () => {
    hub = await startTestHub({ events: false });
    national = await tokenFor({ subject: 'nhsa', role: 'REGULATOR', department: 'MEDICAL_INSURANCE', region: '000000' });
    township = await tokenFor({ subject: 'longgui', role: 'INSTITUTION', region: '440203', org: I.shaoguanTownship });
  });
  afterAll(() => hub.close());

  const quantities = async (ids: string[]) =>
    (await hub.db.query<{ id: string; quantity: string }>(`SELECT id, quantity::text FROM procurement.agreed_volume WHERE id = ANY($1) ORDER BY id`, [ids])).map((r) => Number(r.quantity));
  const snapshot = async () => JSON.stringify([
    await hub.db.query('SELECT * FROM procurement.agreed_volume ORDER BY id'),
    await hub.db.query('SELECT * FROM procurement.agreed_volume_reallocation ORDER BY id'),
    await hub.db.query('SELECT seq FROM procurement.outbox_event ORDER BY seq'),
  ]);

  it('shows a medical community’s lead unit its members, and a member only itself', async () => {
    const q = `{ institutions(page: { first: 50 }) { nodes { id medicalCommunity { id name leadInstitution { id } members { id } } } } }`;
    const lead = await hub.query<{ institutions: { nodes: Array<{ id: string; medicalCommunity: { id: string; members: Array<{ id: string }> } }> } }>('hospital', q);
    expect(lead.body.errors).toBeUndefined();
    expect(lead.body.data!.institutions.nodes.map((n) => n.id).sort()).toEqual([I.shaoguanHospital, I.shaoguanTownship].sort());
    expect(lead.body.data!.institutions.nodes[0].medicalCommunity.id).toBe(DEMO_MEDICAL_COMMUNITIES[0].id);
    const member = await hub.query<{ institutions: { nodes: Array<{ id: string; medicalCommunity: { leadInstitution: unknown; members: Array<{ id: string }> } }> } }>({ token: township }, q);
    expect(member.body.data!.institutions.nodes).toEqual([
      { id: I.shaoguanTownship, medicalCommunity: { id: DEMO_MEDICAL_COMMUNITIES[0].id, name: DEMO_MEDICAL_COMMUNITIES[0].name, leadInstitution: null, members: [{ id: I.shaoguanTownship }] } },
    ]);
    const otherOrder = await hub.query({ token: township }, `{ orders(page: { first: 50 }) { nodes { id } } }`);
    expect((otherOrder.body.data as { orders: { nodes: unknown[] } }).orders.nodes).toEqual([]);
    // The lead unit sees its member's orders, as the member does; no one else outside the region does.
    const placed = await hub.query<{ placeOrder: { id: string } }>({ token: township }, `mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }`, {
      input: { distributorId: DEMO.enterprises.yuebeiDistribution, lines: [{ productId: P.amlodipineHuayue, quantity: 56, unitPrice: '0.058' }] },
    });
    expect(placed.body.errors).toBeUndefined();
    const seenByLead = await hub.query<{ orders: { nodes: Array<{ id: string }> } }>('hospital', `query ($f: OrderFilter) { orders(filter: $f) { nodes { id } } }`, { f: { institutionId: I.shaoguanTownship } });
    expect(seenByLead.body.data!.orders.nodes.map((o) => o.id)).toEqual([placed.body.data!.placeOrder.id]);
  });

  it('P-04 scopes agreed volumes: lead unit with members, a member itself, a manufacturer its products, a regulator its region; distributors none', async () => {
    const ids = async (who: Parameters<TestHub['query']>[0]) => {
      const r = await hub.query<{ agreedVolumes: { nodes: Array<{ id: string }> } }>(who, LIST);
      expect(r.body.errors).toBeUndefined();
      return r.body.data!.agreedVolumes.nodes.map((n) => n.id).sort();
    };
    const shaoguan = DEMO_AGREED_VOLUMES.filter((v) => v.institutionId === I.shaoguanHospital || v.institutionId === I.shaoguanTownship).map((v) => v.id).sort();
    expect(await ids('hospital')).toEqual(shaoguan);
    expect(await ids('insurance-regulator')).toEqual(shaoguan);
    expect(await ids({ token: township })).toEqual(DEMO_AGREED_VOLUMES.filter((v) => v.institutionId === I.shaoguanTownship).map((v) => v.id).sort());
    expect(await ids('manufacturer')).toEqual(DEMO_AGREED_VOLUMES.filter((v) => v.winningProductId === ATORVASTATIN.id).map((v) => v.id).sort());
    expect(errorCodes(await hub.query('distributor', LIST))).toEqual(['FORBIDDEN']);
  });

  it('P-04 sets a new agreed volume, versions changes, refuses a stale version, and emits AgreedVolumeSet each time', async () => {
    const created = await hub.query<{ setAgreedVolume: { id: string; quantity: number; amount: string; version: number; contractYearStart: string } }>('insurance-regulator', SET, {
      input: { institutionId: I.shaoguanTownship, winningProductId: STENT.id, quantity: 10 },
    });
    expect(created.body.errors).toBeUndefined();
    const volume = created.body.data!.setAgreedVolume;
    expect(volume).toMatchObject({ quantity: 10, amount: '5900', version: 1 });
    const changed = await hub.query<{ setAgreedVolume: { version: number; quantity: number } }>('insurance-regulator', SET, {
      input: { institutionId: I.shaoguanTownship, winningProductId: STENT.id, quantity: 12, expectedVersion: 1 },
    });
    expect(changed.body.data!.setAgreedVolume).toMatchObject({ version: 2, quantity: 12 });
    const stale = await hub.query('insurance-regulator', SET, { input: { institutionId: I.shaoguanTownship, winningProductId: STENT.id, quantity: 99, expectedVersion: 1 } });
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    expect(await quantities([volume.id])).toEqual([12]);
    const events = await hub.db.query<{ key: string; payload: Record<string, unknown> }>(`SELECT key, payload FROM procurement.outbox_event WHERE type = 'AgreedVolumeSet' AND payload->>'agreedVolumeId' = $1 ORDER BY seq`, [volume.id]);
    expect(events.map((e) => e.payload.quantity)).toEqual([10, 12]);
    expect(events[1]).toMatchObject({
      key: `${I.shaoguanTownship}:${STENT.id}:${volume.contractYearStart}`,
      payload: { institutionId: I.shaoguanTownship, poolingRegionCode: '440000', institutionRegionCode: '440203', winningPrice: '590', amount: '7080', kind: 'CONSUMABLE' },
    });
  });

  it('G-10 cuts each agreed volume’s contract year by its region’s renewal rule: half-year aligned in Lüliang, anniversary in Shaoguan', async () => {
    const start = demoCycleStart();
    const [year, month] = start.split('-').map(Number);
    const q = `query ($f: AgreedVolumeFilter) { agreedVolumes(filter: $f) { nodes { contractYearStart contractYearEnd } } }`;
    const lvliang = await hub.query<{ agreedVolumes: { nodes: Array<{ contractYearStart: string; contractYearEnd: string }> } }>({ token: national }, q, { f: { institutionId: I.lvliangHospital } });
    expect(lvliang.body.errors).toBeUndefined();
    const alignedEnd = month <= 6 ? `${year + 1}-06-30` : `${year + 1}-12-31`;
    expect(lvliang.body.data!.agreedVolumes.nodes.map((n) => [n.contractYearStart, n.contractYearEnd])).toEqual([
      [start, alignedEnd],
      [start, alignedEnd],
    ]);
    const shaoguan = await hub.query<{ agreedVolumes: { nodes: Array<{ contractYearEnd: string }> } }>({ token: national }, q, { f: { institutionId: I.shaoguanHospital } });
    expect(new Set(shaoguan.body.data!.agreedVolumes.nodes.map((n) => n.contractYearEnd))).toEqual(new Set([endAfterYears(start, 1)]));
  });

  it('P-04 refuses an institution outside the batch’s pooling regions, naming the rule, and writes nothing', async () => {
    const before = await snapshot();
    const response = await hub.query({ token: national }, SET, { input: { institutionId: I.lvliangHospital, winningProductId: STENT.id, quantity: 5 } });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors![0].message).toMatch(/^P-04/);
    expect(await snapshot()).toBe(before);
  });

  it('P-04 is set by the insurance bureau of the institution’s region only', async () => {
    const before = await snapshot();
    const input = { institutionId: I.chongqingHospital, winningProductId: AMLODIPINE.id, quantity: 5 };
    expect(errorCodes(await hub.query('insurance-regulator', SET, { input }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await hub.query('hospital', SET, { input: { ...input, institutionId: I.shaoguanHospital } }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await hub.query('health-regulator', SET, { input: { ...input, institutionId: I.shaoguanHospital } }))).toEqual(['FORBIDDEN']);
    expect(await snapshot()).toBe(before);
  });

  it('P-04 is a floor, not a cap: an institution may buy beyond its agreed volume at the winning price', async () => {
    const order = await hub.query<{ placeOrder: { id: string; lines: Array<{ quantity: number; unitPrice: string }> } }>(
      'hospital',
      `mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id lines { quantity unitPrice } } }`,
      { input: { distributorId: DEMO.enterprises.yuebeiDistribution, lines: [{ productId: P.atorvastatinLingnan, quantity: 20000, unitPrice: ATORVASTATIN.winningPrice }] } },
    );
    expect(order.body.errors).toBeUndefined();
    expect(order.body.data!.placeOrder.lines).toEqual([{ quantity: 20000, unitPrice: '0.12' }]);
    const agreed = DEMO_AGREED_VOLUMES.find((v) => v.id === volumeId(ATORVASTATIN, I.shaoguanHospital))!.quantity;
    expect(20000).toBeGreaterThan(agreed);
  });

  it('G-09 shows last year’s purchases and the region’s 60–70% range on each agreed volume, flagging (not refusing) a figure outside it', async () => {
    const chongqing = await tokenFor({ subject: 'cq', role: 'REGULATOR', department: 'MEDICAL_INSURANCE', region: '500000' });
    const basisQuery = `query ($f: AgreedVolumeFilter) { agreedVolumes(filter: $f) { nodes { id quantity version basis { lastYearFrom lastYearTo lastYearPurchasedQuantity policyBasis minShareOfLastYearUse maxShareOfLastYearUse withinRange source { regionCode } } } } }`;
    const filter = { f: { institutionId: I.chongqingHospital, winningProductId: AMLODIPINE.id } };
    type Basis = { agreedVolumes: { nodes: Array<{ id: string; quantity: number; version: number; basis: Record<string, unknown> }> } };
    const first = await hub.query<Basis>({ token: chongqing }, basisQuery, filter);
    expect(first.body.errors).toBeUndefined();
    const [volume] = first.body.data!.agreedVolumes.nodes;
    expect(volume.basis).toMatchObject({ lastYearPurchasedQuantity: 0, minShareOfLastYearUse: '0.6', maxShareOfLastYearUse: '0.7', withinRange: null, source: { regionCode: '500000' } });
    expect(volume.basis.policyBasis).toMatch(/60%/);

    // Last year's purchases: one order placed a hundred days before the contract year began.
    const lastYearDay = new Date(Date.parse(`${volume.basis.lastYearTo}T12:00:00+08:00`) - 100 * 86_400_000).toISOString();
    const orderId = '6a3d0c4e-0000-4000-8000-00000000c901';
    await hub.db.query(
      `INSERT INTO procurement.purchase_order (id, institution_id, region_code, distributor_id, state, total_amount, placed_at) VALUES ($1, $2, '500103', $3, 'RECEIPT_CONFIRMED', 464, $4)`,
      [orderId, I.chongqingHospital, DEMO.enterprises.jintongPharma, lastYearDay],
    );
    await hub.db.query(`INSERT INTO procurement.order_line (order_id, line_no, product_id, quantity, unit_price, amount) VALUES ($1, 1, $2, 8000, 0.058, 464)`, [orderId, P.amlodipineHuayue]);
    const within = await hub.query<Basis>({ token: chongqing }, basisQuery, filter);
    expect(within.body.data!.agreedVolumes.nodes[0].basis).toMatchObject({ lastYearPurchasedQuantity: 8000, withinRange: true });

    const outside = await hub.query({ token: chongqing }, SET, { input: { institutionId: I.chongqingHospital, winningProductId: AMLODIPINE.id, quantity: 6000, expectedVersion: volume.version } });
    expect(outside.body.errors).toBeUndefined();
    const flagged = await hub.query<Basis>({ token: chongqing }, basisQuery, filter);
    expect(flagged.body.data!.agreedVolumes.nodes[0]).toMatchObject({ quantity: 6000, basis: { lastYearPurchasedQuantity: 8000, withinRange: false } });
  });

  it('P-06 lets the lead unit move volume between members, keeps the community total, records who moved what, and emits AgreedVolumeSet for both', async () => {
    const ids = [volumeId(ATORVASTATIN, I.shaoguanHospital), volumeId(ATORVASTATIN, I.shaoguanTownship)];
    const [hospitalBefore] = await quantities([ids[0]]);
    const [townshipBefore] = await quantities([ids[1]]);
    const eventsBefore = (await hub.db.query(`SELECT 1 FROM procurement.outbox_event WHERE type = 'AgreedVolumeSet'`)).length;
    const moved = await hub.query<{ reallocateAgreedVolume: { id: string; quantity: number; reallocatedBy: string; fromInstitution: { id: string }; toInstitution: { id: string } } }>('hospital', MOVE, {
      input: { winningProductId: ATORVASTATIN.id, fromInstitutionId: I.shaoguanHospital, toInstitutionId: I.shaoguanTownship, quantity: 500 },
    });
    expect(moved.body.errors).toBeUndefined();
    expect(moved.body.data!.reallocateAgreedVolume).toMatchObject({ quantity: 500, reallocatedBy: 'demo-sg-hospital', fromInstitution: { id: I.shaoguanHospital }, toInstitution: { id: I.shaoguanTownship } });
    expect((await quantities([ids[0]]))[0]).toBe(hospitalBefore - 500);
    expect((await quantities([ids[1]]))[0]).toBe(townshipBefore + 500);
    expect((await hub.db.query(`SELECT 1 FROM procurement.outbox_event WHERE type = 'AgreedVolumeSet'`)).length).toBe(eventsBefore + 2);
    const history = await hub.query<{ agreedVolumeReallocations: { nodes: Array<{ id: string }> } }>({ token: township }, `{ agreedVolumeReallocations { nodes { id quantity fromInstitution { id } } } }`);
    expect(history.body.errors).toBeUndefined();
    expect(history.body.data!.agreedVolumeReallocations.nodes.map((n) => n.id)).toEqual([moved.body.data!.reallocateAgreedVolume.id]);
  });

  it('P-06 refuses a move that would leave a negative volume, one across communities, and one by a member that does not lead; nothing is written', async () => {
    const before = await snapshot();
    const negative = await hub.query('hospital', MOVE, { input: { winningProductId: AMLODIPINE.id, fromInstitutionId: I.shaoguanTownship, toInstitutionId: I.shaoguanHospital, quantity: 1501 } });
    expect(errorCodes(negative)).toEqual(['BAD_USER_INPUT']);
    expect(negative.body.errors![0].message).toMatch(/^P-06/);
    const across = await hub.query({ token: national }, MOVE, { input: { winningProductId: ATORVASTATIN.id, fromInstitutionId: I.shaoguanHospital, toInstitutionId: I.guichiTownship, quantity: 10 } });
    expect(errorCodes(across)).toEqual(['BAD_USER_INPUT']);
    expect(across.body.errors![0].message).toMatch(/^P-06/);
    const member = await hub.query({ token: township }, MOVE, { input: { winningProductId: ATORVASTATIN.id, fromInstitutionId: I.shaoguanTownship, toInstitutionId: I.shaoguanHospital, quantity: 10 } });
    expect(errorCodes(member)).toEqual(['FORBIDDEN']);
    expect(member.body.errors![0].message).toMatch(/P-06/);
    const otherRegion = await hub.query('insurance-regulator', MOVE, { input: { winningProductId: ATORVASTATIN.id, fromInstitutionId: I.guichiHospital, toInstitutionId: I.guichiTownship, quantity: 10 } });
    expect(errorCodes(otherRegion)).toEqual(['NOT_FOUND']);
    expect(await snapshot()).toBe(before);
  });

  it('P-06 keeps the community total under concurrent reallocations in both directions', async () => {
    const ids = [volumeId(AMLODIPINE, I.shaoguanHospital), volumeId(AMLODIPINE, I.shaoguanTownship)];
    const total = async () => (await quantities(ids)).reduce((a, b) => a + b, 0);
    const before = await total();
    const moves = Array.from({ length: 12 }, (_, i) =>
      hub.query(i % 2 === 0 ? 'hospital' : 'insurance-regulator', MOVE, {
        input: {
          winningProductId: AMLODIPINE.id,
          fromInstitutionId: i % 2 === 0 ? I.shaoguanHospital : I.shaoguanTownship,
          toInstitutionId: i % 2 === 0 ? I.shaoguanTownship : I.shaoguanHospital,
          quantity: 700,
        },
      }),
    );
    const results = await Promise.all(moves);
    const succeeded = results.filter((r) => !r.body.errors).length;
    for (const r of results) if (r.body.errors) expect(errorCodes(r)).toEqual(['BAD_USER_INPUT']);
    expect(await total()).toBe(before);
    expect(Math.min(...(await quantities(ids)))).toBeGreaterThanOrEqual(0);
    const [{ n }] = await hub.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM procurement.agreed_volume_reallocation WHERE winning_product_id = $1`, [AMLODIPINE.id]);
    expect(Number(n)).toBe(succeeded);
  });
});
