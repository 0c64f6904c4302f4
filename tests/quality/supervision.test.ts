import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Department, Role } from '../../subgraphs/shared/auth/identity';
import { createDataSource, SubgraphName } from '../../subgraphs/shared/db/data-source';
import { DEMO, demoId } from '../../subgraphs/shared/demo/ids';
import { daysAgo } from '../../subgraphs/shared/demo/orders';
import { applyEvent } from '../../subgraphs/shared/events/consumer';
import { recordEvent } from '../../subgraphs/shared/events/outbox';
import { SUBGRAPH_DEFINITIONS } from '../../subgraphs/definitions';
import { todayInChina } from '../../subgraphs/shared/graphql/scalars';
import { eventually } from '../support/eventually';
import { ok } from '../support/flow';
import { errorCodes } from '../support/graphql-client';
import { startTestHub, testLogger, TestHub } from '../support/hub';
import { tokenFor } from '../support/tokens';

const P = DEMO.products;
const E = DEMO.enterprises;

const OPEN = `mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { id state version regionCode } }`;
const RESOLVE = `mutation ($input: ResolveIncidentInput!) { resolveIncident(input: $input) { id state liability replacementCost version } }`;
const DECLARE = `mutation ($input: DeclareDishonestInput!) { declareDishonest(input: $input) { id regionCode startsOn endsOn scope policyDocument version enterprise { id } } }`;
const LIFT = `mutation ($input: LiftBanInput!) { liftBan(input: $input) { id liftedOn version } }`;
const BANS = `query ($region: String!, $on: Date) { enterpriseBans(regionCode: $region, on: $on, page: { first: 100 }) { nodes { id regionCode startsOn endsOn liftedOn enterprise { id } } } }`;
const FLAG = `mutation ($input: FlagPriceRiskInput!) { flagPriceRisk(input: $input) { id colour action reason } }`;
const SIGNALS = `query ($region: String!, $month: String) { priceRiskSignals(regionCode: $region, month: $month, page: { first: 100 }) { nodes { product { id } basis regionCode month previousSales sales growth priceRises listedPrice threshold } } }`;
const WARNINGS = `query ($region: String!) { shortageWarnings(regionCode: $region, page: { first: 100 }) { nodes { product { id } lists reasons stockOnHand monthlyNeed needBasis productionStops { reason enterprise { id } } } } }`;

const demoIncident = demoId('incident', 'metformin-jintong-supply-shaoguan');

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('quality supervision (Q-01..Q-07, G-08) through the gateway', () => {
  let hub: TestHub;
  const producers = new Map<SubgraphName, DataSource>();
  let shaoguanMarket: { token: string };
  let chongqingMarket: { token: string };
  let chongqingHospital: { token: string };

  beforeAll(async () => {
    hub = await startTestHub();
    shaoguanMarket = { token: await tokenFor({ subject: 't-sg-market', role: Role.REGULATOR, department: Department.MARKET_REGULATION, region: '440200' }) };
    chongqingMarket = { token: await tokenFor({ subject: 't-cq-market', role: Role.REGULATOR, department: Department.MARKET_REGULATION, region: '500000' }) };
    chongqingHospital = { token: await tokenFor({ subject: 't-cq-hospital', role: Role.INSTITUTION, region: '500103', org: DEMO.institutions.chongqingHospital }) };
  });
  afterAll(async () => {
    for (const db of producers.values()) await db.destroy();
    await hub.close();
  });

  /** Records an event in a producer's outbox, as that producer would, so the real relay and worker deliver it. */
  async function produce(producer: SubgraphName, type: string, key: string, payload: Record<string, unknown>) {
    let db = producers.get(producer);
    if (!db) {
      db = createDataSource({ url: hub.db.url, subgraph: producer, entities: [] });
      await db.initialize();
      producers.set(producer, db);
    }
    await db.transaction((tx) => recordEvent(tx, producer, { type, version: 1, key, payload }));
  }

  async function count(sql: string, params: unknown[] = []): Promise<number> {
    const [{ n }] = await hub.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params);
    return n;
  }

  async function openIncident(who: { token: string } | 'market-regulator', overrides: Row = {}) {
    const input = { productId: P.metforminJintong, enterpriseId: E.jintongPharma, regionCode: '440203', kind: 'SUPPLY_FAILURE', description: '断供 (not supplied)', occurredOn: daysAgo(3), ...overrides };
    return ok(await hub.query<{ openIncident: Row }>(who, OPEN, { input })).openIncident;
  }

  describe('Q-01 inspections', () => {
    const RECORD = `mutation ($input: RecordInspectionInput!) { recordInspection(input: $input) { id batchNumber result findings samplingStage } }`;
    const input = { productId: P.atorvastatinLingnan, manufacturerId: E.lingnanPharma, batchNumber: 'LN20261101', samplingStage: 'USE', regionCode: '440203', sampledOn: daysAgo(1), result: 'FAILED', findings: '含量偏低 (assay low)' };

    it('Q-01 records a sample at use and shows it to the manufacturer', async () => {
      const recorded = ok(await hub.query<{ recordInspection: Row }>('market-regulator', RECORD, { input })).recordInspection;
      expect(recorded).toMatchObject({ batchNumber: 'LN20261101', result: 'FAILED', samplingStage: 'USE' });
      const seen = ok(await hub.query<{ inspections: { nodes: Row[] } }>('manufacturer', '{ inspections(filter: { result: FAILED, batchNumber: "LN20261101" }) { nodes { id } } }'));
      expect(seen.inspections.nodes.map((n) => n.id)).toEqual([recorded.id]);
    });

    it('Q-01 refuses a failed result without findings and an unknown manufacturer, writing nothing', async () => {
      const before = await count('quality.inspection');
      expect(errorCodes(await hub.query('market-regulator', RECORD, { input: { ...input, findings: ' ' } }))).toEqual(['BAD_USER_INPUT']);
      expect(errorCodes(await hub.query('market-regulator', RECORD, { input: { ...input, manufacturerId: randomUUID() } }))).toEqual(['BAD_USER_INPUT']);
      expect(await count('quality.inspection')).toBe(before);
    });

    it('Q-01 lets only the drug regulator sample, inside its jurisdiction', async () => {
      expect(errorCodes(await hub.query('health-regulator', RECORD, { input }))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await hub.query(shaoguanMarket, RECORD, { input: { ...input, regionCode: '440100' } }))).toEqual(['FORBIDDEN']);
    });
  });

  describe('Q-02 incidents', () => {
    it('Q-02 resolves an incident once: the second resolution is a CONFLICT and changes nothing', async () => {
      const incident = await openIncident('market-regulator', { substituteSupplierId: E.lingnanPharma, emergencySupplyPlan: '调拨 (transfer stock)' });
      expect(incident).toMatchObject({ state: 'OPEN', version: 1 });
      const resolution = { incidentId: incident.id, expectedVersion: 1, liability: 'WINNER_LIABLE', replacementCost: '1200.50', resolution: '替代供应完成' };
      const resolved = ok(await hub.query<{ resolveIncident: Row }>('health-regulator', RESOLVE, { input: resolution })).resolveIncident;
      expect(resolved).toEqual({ id: incident.id, state: 'RESOLVED', liability: 'WINNER_LIABLE', replacementCost: '1200.5', version: 2 });
      const before = await hub.db.query('SELECT * FROM quality.incident WHERE id = $1', [incident.id]);
      const again = await hub.query('health-regulator', RESOLVE, { input: { ...resolution, expectedVersion: 2, replacementCost: '99' } });
      expect(errorCodes(again)).toEqual(['CONFLICT']);
      expect(again.body.errors![0].message).toMatch(/Q-02/);
      expect(await hub.db.query('SELECT * FROM quality.incident WHERE id = $1', [incident.id])).toEqual(before);
    });

    it('Q-02 owes no replacement cost under force majeure, and refuses a stale expectedVersion', async () => {
      const incident = await openIncident('market-regulator');
      const withCost = await hub.query('market-regulator', RESOLVE, { input: { incidentId: incident.id, expectedVersion: 1, liability: 'FORCE_MAJEURE', replacementCost: '10', resolution: '台风' } });
      expect(errorCodes(withCost)).toEqual(['BAD_USER_INPUT']);
      const stale = await hub.query('market-regulator', RESOLVE, { input: { incidentId: incident.id, expectedVersion: 7, liability: 'FORCE_MAJEURE', resolution: '台风' } });
      expect(errorCodes(stale)).toEqual(['CONFLICT']);
      const [row] = await hub.db.query('SELECT state, version FROM quality.incident WHERE id = $1', [incident.id]);
      expect(row).toEqual({ state: 'OPEN', version: 1 });
      const resolved = ok(await hub.query<{ resolveIncident: Row }>('market-regulator', RESOLVE, { input: { incidentId: incident.id, expectedVersion: 1, liability: 'FORCE_MAJEURE', resolution: '台风 (typhoon)' } })).resolveIncident;
      expect(resolved).toMatchObject({ liability: 'FORCE_MAJEURE', replacementCost: '0' });
    });

    it('Q-02 shows an enterprise the incidents it failed in or substitutes for, and an incident elsewhere as NOT_FOUND', async () => {
      const seen = ok(await hub.query<{ incidents: { nodes: Row[] } }>('manufacturer', '{ incidents(page: { first: 100 }) { nodes { state enterprise { id } substituteSupplier { id } } } }'));
      expect(seen.incidents.nodes.length).toBeGreaterThan(0);
      for (const n of seen.incidents.nodes) expect([n.enterprise.id, n.substituteSupplier?.id]).toContain(E.lingnanPharma);
      expect(new Set(seen.incidents.nodes.map((n) => n.state))).toEqual(new Set(['OPEN', 'RESOLVED']));
      const cq = await openIncident(chongqingMarket, { regionCode: '500103', productId: P.amlodipineHuayue, enterpriseId: E.huayuePharma });
      const fromShaoguan = await hub.query(shaoguanMarket, RESOLVE, { input: { incidentId: cq.id, expectedVersion: 1, liability: 'FORCE_MAJEURE', resolution: 'x' } });
      const missing = await hub.query(shaoguanMarket, RESOLVE, { input: { incidentId: randomUUID(), expectedVersion: 1, liability: 'FORCE_MAJEURE', resolution: 'x' } });
      expect(errorCodes(fromShaoguan)).toEqual(['NOT_FOUND']);
      expect(fromShaoguan.body.errors![0].message.replace(cq.id, 'ID')).toBe(missing.body.errors![0].message.replace(/Incident \S+/, 'Incident ID'));
    });
  });

  describe('Q-03 dishonesty bans (G-08)', () => {
    async function unpaidIncident(who: { token: string } | 'market-regulator' = 'market-regulator', overrides: Row = {}) {
      const incident = await openIncident(who, overrides);
      ok(await hub.query(who, RESOLVE, { input: { incidentId: incident.id, expectedVersion: 1, liability: 'WINNER_LIABLE', replacementCost: '5000', resolution: '替代采购' } }));
      return incident;
    }

    it('Q-03 bans a winner that does not pay for 2 years (G-08, Shaoguan) and emits EnterpriseBanned', async () => {
      const incident = await unpaidIncident();
      const ban = ok(await hub.query<{ declareDishonest: Row }>('market-regulator', DECLARE, { input: { enterpriseId: E.jintongPharma, incidentId: incident.id, reason: '拒付替换费用' } })).declareDishonest;
      const today = todayInChina();
      const [y, m, d] = today.split('-').map(Number);
      expect(ban).toMatchObject({ regionCode: '440203', startsOn: today, endsOn: new Date(Date.UTC(y + 2, m - 1, d) - 86_400_000).toISOString().slice(0, 10), enterprise: { id: E.jintongPharma } });
      expect(ban.policyDocument).toMatch(/韶医保/);
      const events = await hub.db.query('SELECT type, key, payload FROM quality.outbox_event WHERE payload->>\'banId\' = $1', [ban.id]);
      expect(events).toEqual([{ type: 'EnterpriseBanned', key: `${E.jintongPharma}:440203`, payload: { banId: ban.id, enterpriseId: E.jintongPharma, regionCode: '440203', startsOn: ban.startsOn, endsOn: ban.endsOn, reason: '拒付替换费用', liftedOn: null } }]);
      expect(await count("quality.credit_record WHERE ban_id = $1 AND kind = 'DISHONESTY'", [ban.id])).toBe(1);
      const seen = ok(await hub.query<{ enterpriseBans: { nodes: Row[] } }>('hospital', BANS, { region: '440203' }));
      expect(seen.enterpriseBans.nodes.map((b) => b.id)).toContain(ban.id);

      const twice = await hub.query('market-regulator', DECLARE, { input: { enterpriseId: E.jintongPharma, incidentId: incident.id, reason: 'again' } });
      expect(errorCodes(twice)).toEqual(['CONFLICT']);
    });

    it('Q-03 refuses a ban for an enterprise that does not exist, writing nothing', async () => {
      const incident = await unpaidIncident();
      const before = [await count('quality.enterprise_ban'), await count('quality.outbox_event'), await count('quality.credit_record')];
      const response = await hub.query('market-regulator', DECLARE, { input: { enterpriseId: randomUUID(), incidentId: incident.id, reason: '拒付' } });
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.body.errors![0].message).toMatch(/not in the enterprise register/);
      expect([await count('quality.enterprise_ban'), await count('quality.outbox_event'), await count('quality.credit_record')]).toEqual(before);
    });

    it('Q-03 does not ban over a paid cost or force majeure, nor where no G-08 policy is in force', async () => {
      const fm = await openIncident('market-regulator');
      ok(await hub.query('market-regulator', RESOLVE, { input: { incidentId: fm.id, expectedVersion: 1, liability: 'FORCE_MAJEURE', resolution: '地震' } }));
      expect(errorCodes(await hub.query('market-regulator', DECLARE, { input: { enterpriseId: E.jintongPharma, incidentId: fm.id, reason: 'x' } }))).toEqual(['BAD_USER_INPUT']);
      const paid = await openIncident('market-regulator');
      ok(await hub.query('market-regulator', RESOLVE, { input: { incidentId: paid.id, expectedVersion: 1, liability: 'WINNER_LIABLE', replacementCost: '10', replacementCostPaidOn: daysAgo(0), resolution: 'paid' } }));
      expect(errorCodes(await hub.query('market-regulator', DECLARE, { input: { enterpriseId: E.jintongPharma, incidentId: paid.id, reason: 'x' } }))).toEqual(['BAD_USER_INPUT']);
      const chongqing = await unpaidIncident(chongqingMarket, { regionCode: '500103' });
      const noPolicy = await hub.query(chongqingMarket, DECLARE, { input: { enterpriseId: E.jintongPharma, incidentId: chongqing.id, reason: 'x' } });
      expect(errorCodes(noPolicy)).toEqual(['BAD_USER_INPUT']);
      expect(noPolicy.body.errors![0].message).toMatch(/G-08/);
    });

    it('Q-02 records a later payment of the replacement cost once, after which the winner cannot be declared dishonest', async () => {
      const incident = await unpaidIncident();
      const PAY = `mutation ($input: RecordReplacementCostPaymentInput!) { recordReplacementCostPayment(input: $input) { replacementCostPaidOn version } }`;
      const paid = ok(await hub.query<{ recordReplacementCostPayment: Row }>('market-regulator', PAY, { input: { incidentId: incident.id, expectedVersion: 2, paidOn: daysAgo(0) } }));
      expect(paid.recordReplacementCostPayment).toEqual({ replacementCostPaidOn: daysAgo(0), version: 3 });
      expect(errorCodes(await hub.query('market-regulator', PAY, { input: { incidentId: incident.id, expectedVersion: 3, paidOn: daysAgo(0) } }))).toEqual(['CONFLICT']);
      const before = await count('quality.enterprise_ban');
      expect(errorCodes(await hub.query('market-regulator', DECLARE, { input: { enterpriseId: E.jintongPharma, incidentId: incident.id, reason: '拒付' } }))).toEqual(['BAD_USER_INPUT']);
      expect(await count('quality.enterprise_ban')).toBe(before);
    });

    it('Q-03 lifts a ban once, re-emitting EnterpriseBanned with liftedOn, and the ban no longer binds', async () => {
      const incident = await unpaidIncident();
      const ban = ok(await hub.query<{ declareDishonest: Row }>('market-regulator', DECLARE, { input: { enterpriseId: E.jintongPharma, incidentId: incident.id, reason: '拒付' } })).declareDishonest;
      const lifted = ok(await hub.query<{ liftBan: Row }>('market-regulator', LIFT, { input: { banId: ban.id, expectedVersion: 1, reason: '已补缴' } })).liftBan;
      expect(lifted).toEqual({ id: ban.id, liftedOn: todayInChina(), version: 2 });
      const events = await hub.db.query("SELECT payload->>'liftedOn' AS lifted FROM quality.outbox_event WHERE payload->>'banId' = $1 ORDER BY key_seq", [ban.id]);
      expect(events.map((e) => e.lifted)).toEqual([null, todayInChina()]);
      expect(errorCodes(await hub.query('market-regulator', LIFT, { input: { banId: ban.id, expectedVersion: 2, reason: 'again' } }))).toEqual(['CONFLICT']);
      const seen = ok(await hub.query<{ enterpriseBans: { nodes: Row[] } }>('market-regulator', BANS, { region: '440000' }));
      expect(seen.enterpriseBans.nodes.map((b) => b.id)).not.toContain(ban.id);
    });

    it('G-08 bans bind the region below them: a Chongqing hospital does not see Shaoguan bans, Lingnan sees its own past ban', async () => {
      const cq = ok(await hub.query<{ enterpriseBans: { nodes: Row[] } }>(chongqingHospital, BANS, { region: '500103' }));
      expect(cq.enterpriseBans.nodes).toEqual([]);
      expect(errorCodes(await hub.query(chongqingHospital, BANS, { region: '440203' }))).toEqual(['FORBIDDEN']);
      const past = ok(await hub.query<{ enterpriseBans: { nodes: Row[] } }>('manufacturer', BANS, { region: '440200', on: '2021-06-01' }));
      expect(past.enterpriseBans.nodes.map((b) => b.enterprise.id)).toEqual([E.lingnanPharma]);
      expect(ok(await hub.query<{ enterpriseBans: { nodes: Row[] } }>('manufacturer', BANS, { region: '440200' })).enterpriseBans.nodes).toEqual([]);
    });
  });

  describe('Q-04 credit', () => {
    const RATING = `query ($id: ID!, $on: Date) { creditRating(enterpriseId: $id, on: $on) { grade countingRecords rule } }`;

    it('Q-04 rates from records that age out: Lingnan’s 2023 judgement counted one year', async () => {
      const rating = async (on: string) => ok(await hub.query<{ creditRating: Row }>('market-regulator', RATING, { id: E.lingnanPharma, on })).creditRating;
      expect(await rating('2023-06-01')).toMatchObject({ grade: 'GENERAL', countingRecords: 1 });
      expect(await rating('2024-06-01')).toMatchObject({ grade: 'CREDITWORTHY', countingRecords: 0 });
      const recorded = ok(
        await hub.query<{ recordCreditEvent: Row }>('market-regulator', `mutation ($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { id countsUntil } }`, {
          input: { enterpriseId: E.bayuMedical, kind: 'COURT_JUDGEMENT', severity: 'PARTICULARLY_SERIOUS', decidedOn: '2024-03-01', sourceDocument: '（2024）渝01刑初1号', summary: '串通投标', regionCode: '440000' },
        }),
      ).recordCreditEvent;
      expect(recorded.countsUntil).toBe('2029-02-28');
      expect(ok(await hub.query<{ creditRating: Row }>('insurance-regulator', RATING, { id: E.bayuMedical, on: '2026-01-01' })).creditRating.grade).toBe('PARTICULARLY_SERIOUS');
      expect((await rating('2024-06-01')).rule).toMatch(/Guangdong 2025 sets no numbers/);
    });

    it('Q-04 shows an enterprise its own records and another’s as NOT_FOUND, like an unknown id', async () => {
      const own = ok(await hub.query<{ creditRecords: { nodes: Row[] } }>('manufacturer', `query ($id: ID!) { creditRecords(enterpriseId: $id) { nodes { kind decidedOn } } }`, { id: E.lingnanPharma }));
      expect(own.creditRecords.nodes.length).toBe(2);
      const other = await hub.query('manufacturer', `query ($id: ID!) { creditRecords(enterpriseId: $id) { nodes { kind } } }`, { id: E.jintongPharma });
      const unknown = await hub.query('manufacturer', `query ($id: ID!) { creditRecords(enterpriseId: $id) { nodes { kind } } }`, { id: '00000000-0000-4000-8000-000000000000' });
      expect(errorCodes(other)).toEqual(['NOT_FOUND']);
      expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
    });
  });

  describe('Q-05 price risk', () => {
    const flag = { productId: P.amlodipineHuayue, enterpriseId: E.huayuePharma, regionCode: '440000', colour: 'RED', basis: 'REPEATED_PRICE_RISE', action: 'SUSPENSION', reason: '连续涨价，约谈未整改' };

    it('Q-05 refuses a flag without a reason, writing nothing', async () => {
      const before = [await count('quality.price_risk_flag'), await count('quality.outbox_event')];
      const response = await hub.query('market-regulator', FLAG, { input: { ...flag, reason: '   ' } });
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.body.errors![0].message).toMatch(/Q-05/);
      expect([await count('quality.price_risk_flag'), await count('quality.outbox_event')]).toEqual(before);
    });

    it('Q-05 sends a suspension to procurement as ListingActionDecided; a reminder sends nothing', async () => {
      const suspended = ok(await hub.query<{ flagPriceRisk: Row }>('market-regulator', FLAG, { input: flag })).flagPriceRisk;
      const events = await hub.db.query("SELECT type, key, payload FROM quality.outbox_event WHERE payload->>'flagId' = $1", [suspended.id]);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ type: 'ListingActionDecided', key: `${P.amlodipineHuayue}:440000`, payload: { action: 'SUSPEND', colour: 'RED', productId: P.amlodipineHuayue, regionCode: '440000' } });
      const reminded = ok(await hub.query<{ flagPriceRisk: Row }>('market-regulator', FLAG, { input: { ...flag, colour: 'YELLOW', action: 'REMINDER' } })).flagPriceRisk;
      expect(await count("quality.outbox_event WHERE payload->>'flagId' = $1", [reminded.id])).toBe(0);
      const mine = ok(await hub.query<{ priceRiskFlags: { nodes: Row[] } }>('manufacturer', '{ priceRiskFlags { nodes { enterprise { id } } } }'));
      expect(mine.priceRiskFlags.nodes.length).toBeGreaterThan(0);
      for (const n of mine.priceRiskFlags.nodes) expect(n.enterprise.id).toBe(E.lingnanPharma);
    });

    it('Q-05 detects abnormal sales growth from OrderPlaced events and repeated rises from ListingChanged events', async () => {
      const product = randomUUID();
      const month = todayInChina().slice(0, 7);
      const [y, m] = month.split('-').map(Number);
      const previousMonthDay = new Date(Date.UTC(m === 1 ? y - 1 : y, m === 1 ? 11 : m - 2, 15, 4)).toISOString();
      const order = (placedAt: string, quantity: number, unitPrice: string, amount: string) => {
        const orderId = randomUUID();
        return produce('procurement', 'OrderPlaced', orderId, {
          orderId, institutionId: DEMO.institutions.shaoguanHospital, regionCode: '440203', distributorId: E.yuebeiDistribution, placedAt, totalAmount: amount,
          lines: [{ lineNo: 1, productId: product, manufacturerId: E.lingnanPharma, productName: '测试片', specification: '1mg', dosageForm: '片剂', pack: '10片/盒', quantity, unitPrice, amount }],
        });
      };
      await order(previousMonthDay, 100, '1.00', '100');
      await order(new Date().toISOString(), 300, '1.00', '300');
      const listingId = randomUUID();
      for (const [i, price] of ['2.00', '2.20', '2.50'].entries()) {
        await produce('procurement', 'ListingChanged', listingId, { listingId, productId: product, manufacturerId: E.lingnanPharma, regionCode: '440000', status: 'LISTED', listedPrice: price, reason: null, changedAt: new Date(Date.now() - (3 - i) * 86_400_000).toISOString() });
      }
      const signals = await eventually(async () => {
        const found = ok(await hub.query<{ priceRiskSignals: { nodes: Row[] } }>('health-regulator', SIGNALS, { region: '440200', month })).priceRiskSignals.nodes.filter((s) => s.product.id === product);
        expect(found).toHaveLength(2);
        return found;
      });
      expect(signals.find((s) => s.basis === 'ABNORMAL_SALES_GROWTH')).toMatchObject({ regionCode: '440000', previousSales: '100', sales: '300', growth: '2' });
      expect(signals.find((s) => s.basis === 'REPEATED_PRICE_RISE')).toMatchObject({ regionCode: '440000', priceRises: 2, listedPrice: '2.5' });
      expect(signals[0].threshold).toMatch(/Guangdong 2025/);
    });

    it('Q-05 counts an ordered line once even when its OrderPlaced event is replayed under a new id', async () => {
      const db = createDataSource({ url: hub.db.url, subgraph: 'quality', entities: SUBGRAPH_DEFINITIONS.quality.entities });
      await db.initialize();
      try {
        const orderId = randomUUID();
        const payload = {
          orderId, institutionId: DEMO.institutions.shaoguanHospital, regionCode: '440203', distributorId: E.yuebeiDistribution, placedAt: new Date().toISOString(), totalAmount: '5',
          lines: [{ lineNo: 1, productId: P.amlodipineHuayue, manufacturerId: E.huayuePharma, productName: '苯磺酸氨氯地平片', specification: '5mg', dosageForm: '片剂', pack: '28片/盒', quantity: 50, unitPrice: '0.1', amount: '5' }],
        };
        const event = (keySeq: number) => ({ id: randomUUID(), type: 'OrderPlaced', version: 1, key: orderId, keySeq, producer: 'procurement' as const, occurredAt: new Date().toISOString(), payload });
        await applyEvent('quality', db, SUBGRAPH_DEFINITIONS.quality.eventHandlers, event(1), testLogger());
        await applyEvent('quality', db, SUBGRAPH_DEFINITIONS.quality.eventHandlers, event(2), testLogger());
        expect(await count('quality.sale_line WHERE order_id = $1', [orderId])).toBe(1);
      } finally {
        await db.destroy();
      }
    });

    it('Q-05 shows the demo’s repeated rise to the market regulator, and says when a region has no thresholds', async () => {
      const signals = ok(await hub.query<{ priceRiskSignals: { nodes: Row[] } }>('market-regulator', SIGNALS, { region: '440000' })).priceRiskSignals.nodes;
      expect(signals).toEqual(expect.arrayContaining([expect.objectContaining({ basis: 'REPEATED_PRICE_RISE', product: { id: P.atorvastatinHuayue }, priceRises: 2 })]));
      const none = await hub.query(chongqingMarket, SIGNALS, { region: '500000' });
      expect(errorCodes(none)).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('Q-06 shortage warnings', () => {
    it('Q-06 warns the Shaoguan hospital of a watched product below need and of a production stop', async () => {
      const warnings = ok(await hub.query<{ shortageWarnings: { nodes: Row[] } }>('hospital', WARNINGS, { region: '440203' })).shortageWarnings.nodes;
      expect(warnings).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ product: { id: P.atorvastatinLingnan }, reasons: ['STOCK_BELOW_NEED'], stockOnHand: 600, monthlyNeed: 1167, needBasis: 'AGREED_VOLUMES' }),
          expect.objectContaining({ product: { id: P.metforminJintong }, reasons: ['PRODUCTION_STOPPED'] }),
        ]),
      );
    });

    it('Q-06 builds warnings from StockReported, ProductionStopReported and AgreedVolumeSet events and a watch-list change', async () => {
      const product = randomUUID();
      ok(await hub.query('health-regulator', `mutation ($input: UpdateShortageWatchListInput!) { updateShortageWatchList(input: $input) { watched } }`, { input: { productId: product, list: 'NATIONAL_SHORTAGE', regionCode: '440200', change: 'ADD' } }));
      const institutionId = DEMO.institutions.shaoguanTownship;
      const winningProductId = randomUUID();
      await produce('procurement', 'AgreedVolumeSet', `${institutionId}:${winningProductId}:2026-01-01`, {
        agreedVolumeId: randomUUID(), batchId: randomUUID(), winningProductId, productId: product, manufacturerId: E.huayuePharma, kind: 'DRUG', institutionId, institutionName: '龙归镇卫生院',
        institutionRegionCode: '440203', poolingRegionCode: '000000', contractYearStart: daysAgo(30), contractYearEnd: daysAgo(-330), quantity: 1200, winningPrice: '1', amount: '1200', agreedOn: daysAgo(30),
      });
      await produce('distribution', 'StockReported', `${E.yuebeiDistribution}:${product}:440203`, { enterpriseId: E.yuebeiDistribution, productId: product, regionCode: '440203', quantityOnHand: 40, emergencyReserve: 10, reportedAt: new Date().toISOString() });
      await produce('distribution', 'ProductionStopReported', `${E.huayuePharma}:${product}`, { reportId: randomUUID(), enterpriseId: E.huayuePharma, productId: product, regionCodes: ['440000'], reason: '设备检修', stoppedFrom: daysAgo(1), expectedResumeOn: null, reportedAt: new Date().toISOString() });
      const warning = await eventually(async () => {
        const found = ok(await hub.query<{ shortageWarnings: { nodes: Row[] } }>('health-regulator', WARNINGS, { region: '440200' })).shortageWarnings.nodes.find((w) => w.product.id === product);
        expect(found?.reasons).toEqual(['STOCK_BELOW_NEED', 'PRODUCTION_STOPPED']);
        return found!;
      });
      expect(warning).toMatchObject({ lists: ['NATIONAL_SHORTAGE'], stockOnHand: 40, monthlyNeed: 100, needBasis: 'AGREED_VOLUMES', productionStops: [{ reason: '设备检修', enterprise: { id: E.huayuePharma } }] });
    });
  });

  it('pages the computed reports (signals, warnings, listings above) one item at a time without gaps or repeats', async () => {
    const reports: Array<[string, string, Parameters<TestHub['query']>[0], Record<string, unknown>]> = [
      ['priceRiskSignals', 'priceRiskSignals(regionCode: $region, page: $page) { nodes { basis regionCode product { id } } pageInfo { endCursor hasNextPage } }', 'market-regulator', { region: '440000' }],
      ['shortageWarnings', 'shortageWarnings(regionCode: $region, page: $page) { nodes { product { id } } pageInfo { endCursor hasNextPage } }', 'health-regulator', { region: '440200' }],
      ['listingsAboveExternalLowest', 'listingsAboveExternalLowest(regionCode: $region, page: $page) { nodes { listingId } pageInfo { endCursor hasNextPage } }', 'market-regulator', { region: '440000' }],
    ];
    for (const [field, selection, persona, vars] of reports) {
      const query = `query ($region: String!, $page: PageInput) { ${selection} }`;
      type Page = { nodes: unknown[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
      const whole = ok(await hub.query<Record<string, Page>>(persona, query, { ...vars, page: { first: 100 } }))[field].nodes;
      const walked: unknown[] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 50; guard += 1) {
        const pageOf: Page = ok(await hub.query<Record<string, Page>>(persona, query, { ...vars, page: { first: 1, ...(after ? { after } : {}) } }))[field];
        walked.push(...pageOf.nodes);
        if (!pageOf.pageInfo.hasNextPage) break;
        after = pageOf.pageInfo.endCursor;
      }
      expect(whole.length).toBeGreaterThan(0);
      expect(walked).toEqual(whole);
    }
  });

  describe('Q-07 price linkage', () => {
    const ABOVE = `query ($region: String!) { listingsAboveExternalLowest(regionCode: $region, page: { first: 100 }) { nodes { product { id } regionCode listedPrice lowestPrice lowestProvinceCode excess } } }`;

    it('Q-07 lists Guangdong listings priced above the lowest price of another province', async () => {
      const demo = ok(await hub.query<{ listingsAboveExternalLowest: { nodes: Row[] } }>('market-regulator', ABOVE, { region: '440000' })).listingsAboveExternalLowest.nodes;
      expect(demo).toEqual(expect.arrayContaining([{ product: { id: P.atorvastatinLingnan }, regionCode: '440000', listedPrice: '0.124', lowestPrice: '0.115', lowestProvinceCode: '350000', excess: '0.009' }]));
      // Metformin: amlodipine's Guangdong listing was suspended above (Q-05 → procurement → ListingChanged), and
      // a suspended listing is not "listed above" anything.
      ok(await hub.query('insurance-regulator', `mutation ($input: RecordExternalLowestPriceInput!) { recordExternalLowestPrice(input: $input) { id } }`, { input: { productId: P.metforminJintong, provinceCode: '450000', price: '0.0800', observedOn: daysAgo(1), source: '全国挂网价格一览表' } }));
      const after = ok(await hub.query<{ listingsAboveExternalLowest: { nodes: Row[] } }>('health-regulator', ABOVE, { region: '440200' })).listingsAboveExternalLowest.nodes;
      expect(after).toEqual(expect.arrayContaining([expect.objectContaining({ product: { id: P.metforminJintong }, lowestPrice: '0.08', excess: '0.015' })]));
    });
  });

  it('decides access per operation: institutions read bans and warnings only, other departments read but do not write', async () => {
    expect(errorCodes(await hub.query('hospital', '{ incidents { nodes { id } } }'))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await hub.query('hospital', '{ priceRiskFlags { nodes { id } } }'))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await hub.query('distributor', WARNINGS, { region: '440200' }))).toEqual(['FORBIDDEN']);
    const commerce = ok(await hub.query<{ enterpriseBans: { nodes: Row[] } }>('commerce-regulator', BANS, { region: '500000' }));
    expect(commerce.enterpriseBans.nodes).toEqual([]);
    const incident = demoIncident;
    const denied = await hub.query('commerce-regulator', DECLARE, { input: { enterpriseId: E.jintongPharma, incidentId: incident, reason: 'x' } });
    expect(errorCodes(denied)).toEqual(['FORBIDDEN']);
    expect(errorCodes(await hub.query('distributor', FLAG, { input: { productId: P.amlodipineHuayue, enterpriseId: E.huayuePharma, regionCode: '440000', colour: 'RED', basis: 'OTHER', action: 'REMINDER', reason: 'x' } }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await hub.query('health-regulator', SIGNALS, { region: '440000' }))).toEqual(['FORBIDDEN']);
  });

  it('keeps a copy of the enterprise register from EnterpriseRegistered events, so a new enterprise can be banned', async () => {
    const enterpriseId = randomUUID();
    await produce('distribution', 'EnterpriseRegistered', enterpriseId, { enterpriseId, name: '新企业（测试）', creditCode: '91440200MA4TEST00X', isManufacturer: true, isDistributor: false, regionCode: '440200', status: 'ACTIVE', registeredAt: new Date().toISOString() });
    const incident = await eventually(() => openIncident(shaoguanMarket, { enterpriseId, regionCode: '440200' }));
    expect(incident.regionCode).toBe('440200');
  });
});
