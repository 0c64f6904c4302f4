import { randomUUID } from 'node:crypto';
import { DEMO_AGREED_VOLUMES, DEMO_WINNING_PRODUCTS } from '../../subgraphs/shared/demo/awards';
import { DEMO } from '../../subgraphs/shared/demo/ids';
import { daysAgo, DEMO_ORDERS } from '../../subgraphs/shared/demo/orders';
import { POLICY_DOCUMENTS } from '../../subgraphs/shared/demo/policy-documents';
import type { AgreedVolumeSetV1, ReceiptConfirmedV1 } from '../../subgraphs/shared/events/contracts';
import { decimalText, Money, todayInChina } from '../../subgraphs/shared/graphql/scalars';
import { ok } from '../support/flow';
import { errorCodes } from '../support/graphql-client';
import { startTestHub, TestHub } from '../support/hub';
import { tokenFor } from '../support/tokens';
import { deliverToInsurance } from './deliver-event';

const P = DEMO.products;
const I = DEMO.institutions;
const RANKING = `query ($region: String!, $from: Date!, $to: Date!) {
  paymentTimelinessRanking(regionCode: $region, from: $from, to: $to) {
    nodes { rank position payables paidCount overdueCount overdueAmount averageDaysToPay judgedOn institution { id } }
  }
}`;
const SURPLUS = `query ($id: ID!, $year: Int!) {
  surplusRetention(institutionId: $id, year: $year) {
    year totalSavings retentionShare retentionPolicyDocument retainedAmount budgetReductionExpected
    lines { product { id } quantity amountPaid baselineStandard baselineRegionCode savings }
    agreedVolumes { product { id } contractYearEnd agreedQuantity purchasedQuantity completion contractYearEnded missed }
  }
}`;
const PAYERS = `{ settlements(page: { first: 100 }) { nodes { id payer { payer regionCode document } } } }`;

type Rank = { rank: number; position: number; payables: number; paidCount: number; overdueCount: number; overdueAmount: string; averageDaysToPay: string | null; judgedOn: string; institution: { id: string } };

describe('payment timeliness ranking (I-06), surplus retention (I-07) and the direct-settlement payer (I-08)', () => {
  let hub: TestHub;
  const township = I.shaoguanTownship;
  const clinic = randomUUID();
  beforeAll(async () => {
    hub = await startTestHub();
    // Two more Shaoguan payers: one paid on time after 10 days, one paid 11 days late.
    const payable = (institutionId: string, amount: string, acceptedOn: string, dueDate: string, paidOn: string) =>
      hub.db.query(
        `INSERT INTO insurance.settlement (id, delivery_id, order_id, institution_id, enterprise_id, region_code, amount, accepted_on, due_date, term_basis, term_days,
                                           term_region_code, term_document, paid_amount, paid_on)
         VALUES ($1, $2, $3, $4, $5, '440203', $6, $7, $8, 'DAYS_AFTER_ACCEPTANCE', 30, '440200', 'test', $6, $9)`,
        [randomUUID(), randomUUID(), randomUUID(), institutionId, DEMO.enterprises.yuebeiDistribution, amount, acceptedOn, dueDate, paidOn],
      );
    await payable(clinic, '50', '2026-03-01', '2026-03-31', '2026-03-11');
    await payable(township, '100', '2026-01-10', '2026-02-09', '2026-02-20');
  });
  afterAll(() => hub.close());

  async function ranking(who: Parameters<TestHub['query']>[0], region: string, from: string, to: string): Promise<Rank[]> {
    return ok(await hub.query<{ paymentTimelinessRanking: { nodes: Rank[] } }>(who, RANKING, { region, from, to })).paymentTimelinessRanking.nodes;
  }

  it('I-06 ranks the institutions of a region by overdue count, overdue amount and days to pay, computed in SQL', async () => {
    const nodes = await ranking('insurance-regulator', '440000', '2020-01-01', '2030-12-31');
    expect(nodes.map((n) => [n.institution.id, n.rank, n.overdueCount, n.overdueAmount])).toEqual([
      [clinic, 1, 0, '0'],
      [township, 2, 1, '100'],
      [I.shaoguanHospital, 3, 1, '252'],
    ]);
    // The hospital: the paid payable took 22 days; the overdue one (2100 × 0.12) is unpaid past its due date; one is still due.
    expect(nodes[2]).toMatchObject({ payables: 3, paidCount: 1, averageDaysToPay: '22', judgedOn: todayInChina() });
    expect(nodes[0]).toMatchObject({ payables: 1, paidCount: 1, averageDaysToPay: '10' });
  });

  it('I-06 judges statuses on the last day of the period', async () => {
    const nodes = await ranking('insurance-regulator', '440203', daysAgo(70), daysAgo(20));
    expect(nodes).toEqual([
      expect.objectContaining({ institution: { id: I.shaoguanHospital }, rank: 1, payables: 2, paidCount: 1, overdueCount: 0, judgedOn: daysAgo(20) }),
    ]);
  });

  it('I-06 is an aggregate every regulator may read for its own region, and no one else', async () => {
    expect((await ranking('health-regulator', '440200', '2020-01-01', '2030-12-31')).length).toBe(3);
    expect(errorCodes(await hub.query('commerce-regulator', RANKING, { region: '440000', from: '2020-01-01', to: '2030-12-31' }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await hub.query('hospital', RANKING, { region: '440203', from: '2020-01-01', to: '2030-12-31' }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await hub.query('insurance-regulator', RANKING, { region: '440000', from: '2026-02-01', to: '2026-01-01' }))).toEqual(['BAD_USER_INPUT']);
  });

  it('I-07 shows the savings from winning products against the standard before the batch, and all of it retained in Shaoguan', async () => {
    const year = Number(todayInChina().slice(0, 4));
    const data = ok(await hub.query<{ surplusRetention: Record<string, any> }>('hospital', SURPLUS, { id: I.shaoguanHospital, year })).surplusRetention;
    // Expected from the demo order book: (standard before the batch − price paid) × units received this year.
    const baseline: Record<string, string> = { [P.atorvastatinLingnan]: '0.124', [P.amlodipineHuayue]: '0.058' };
    const expected = new Map<string, { quantity: number; paid: InstanceType<typeof Money> }>();
    for (const o of DEMO_ORDERS.filter((x) => x.institutionId === I.shaoguanHospital && x.acceptedDaysAgo !== null && daysAgo(x.acceptedDaysAgo).startsWith(String(year)))) {
      for (const l of o.lines) {
        const e = expected.get(l.productId) ?? { quantity: 0, paid: new Money(0) };
        expected.set(l.productId, { quantity: e.quantity + l.quantity, paid: e.paid.plus(new Money(l.unitPrice).times(l.quantity)) });
      }
    }
    const lines = [...expected.entries()].map(([productId, e]) => ({
      product: { id: productId }, quantity: e.quantity, amountPaid: decimalText(e.paid), baselineStandard: baseline[productId], baselineRegionCode: '440000',
      savings: decimalText(new Money(baseline[productId]).times(e.quantity).minus(e.paid)),
    }));
    const total = lines.reduce((s, l) => s.plus(l.savings), new Money(0));
    expect(data.lines.sort((a: any, b: any) => a.product.id.localeCompare(b.product.id))).toEqual(lines.sort((a, b) => a.product.id.localeCompare(b.product.id)));
    expect(data).toMatchObject({ year, totalSavings: decimalText(total), retentionShare: '1', retentionPolicyDocument: POLICY_DOCUMENTS.shaoguan.document, retainedAmount: decimalText(total) });
    expect(total.gt(0)).toBe(true);
  });

  it('I-07 shows agreed-volume completion, and a missed agreed volume means a smaller budget next year (Chongqing)', async () => {
    const year = Number(todayInChina().slice(0, 4));
    const current = ok(await hub.query<{ surplusRetention: Record<string, any> }>('hospital', SURPLUS, { id: I.shaoguanHospital, year })).surplusRetention;
    const atorvastatin = current.agreedVolumes.find((v: any) => v.product.id === P.atorvastatinLingnan);
    expect(atorvastatin).toMatchObject({ agreedQuantity: 12000, purchasedQuantity: 3500, completion: '0.2917', contractYearEnded: false, missed: false });
    expect(current.agreedVolumes).toHaveLength(DEMO_AGREED_VOLUMES.filter((v) => v.institutionId === I.shaoguanHospital).length);
    expect(current.budgetReductionExpected).toBe(false);

    // A contract year of 2025 that ended with nothing bought.
    const w = DEMO_WINNING_PRODUCTS.find((x) => x.productId === P.amlodipineHuayue)!;
    const past: AgreedVolumeSetV1 = {
      agreedVolumeId: randomUUID(), batchId: w.batchId, winningProductId: w.id, productId: w.productId, manufacturerId: w.manufacturerId, kind: 'DRUG',
      institutionId: I.shaoguanHospital, institutionName: '韶关市武江区人民医院（示例）', institutionRegionCode: '440203', poolingRegionCode: '000000',
      contractYearStart: '2025-01-01', contractYearEnd: '2025-12-31', quantity: 1000, winningPrice: w.winningPrice, amount: '58', agreedOn: '2024-12-15',
    };
    await deliverToInsurance(hub, 'AgreedVolumeSet', `${I.shaoguanHospital}:${w.id}:2025-01-01`, 1, past);
    const y2025 = ok(await hub.query<{ surplusRetention: Record<string, any> }>('hospital', SURPLUS, { id: I.shaoguanHospital, year: 2025 })).surplusRetention;
    expect(y2025.agreedVolumes).toEqual([
      { product: { id: P.amlodipineHuayue }, contractYearEnd: '2025-12-31', agreedQuantity: 1000, purchasedQuantity: 0, completion: '0', contractYearEnded: true, missed: true },
    ]);
    expect(y2025.budgetReductionExpected).toBe(true);
  });

  it('I-07 is shown to the institution and the insurance and finance regulators of its region; anyone else’s id is NOT_FOUND', async () => {
    const year = Number(todayInChina().slice(0, 4));
    const guichi = ok(await hub.query<{ surplusRetention: Record<string, any> }>('finance-regulator', SURPLUS, { id: I.guichiHospital, year })).surplusRetention;
    expect(guichi.agreedVolumes.length).toBe(2);
    expect(guichi.retentionShare).toBeNull();
    expect(errorCodes(await hub.query('insurance-regulator', SURPLUS, { id: I.guichiHospital, year }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await hub.query('hospital', SURPLUS, { id: I.guichiHospital, year }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await hub.query('manufacturer', SURPLUS, { id: I.shaoguanHospital, year }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await hub.query('hospital', SURPLUS, { id: I.shaoguanHospital, year: 1999 }))).toEqual(['BAD_USER_INPUT']);
  });

  it('I-07 and I-08 are policy data by region and date: the retained share and the direct-settlement pilot', async () => {
    const POLICY = `query ($region: String!) { jurisdictionPolicy(regionCode: $region) { surplusRetention { share source { regionCode } } directSettlement { pilot source { regionCode } } } }`;
    const shaoguan = ok(await hub.query<{ jurisdictionPolicy: Record<string, unknown> }>('hospital', POLICY, { region: '440203' })).jurisdictionPolicy;
    expect(shaoguan).toEqual({ surplusRetention: { share: '1', source: { regionCode: '440200' } }, directSettlement: null });
    const lvliang = ok(await hub.query<{ jurisdictionPolicy: Record<string, unknown> }>('hospital', POLICY, { region: '141102' })).jurisdictionPolicy;
    expect(lvliang).toEqual({ surplusRetention: null, directSettlement: { pilot: true, source: { regionCode: '141100' } } });
  });

  it('I-08 shows who pays: the fund directly where the region pilots direct settlement, with the policy version kept on the payable', async () => {
    const sg = ok(await hub.query<{ settlements: { nodes: Array<{ payer: { payer: string } }> } }>('insurance-regulator', PAYERS)).settlements.nodes;
    expect(sg.every((n) => n.payer.payer === 'INSTITUTION')).toBe(true);
    const sx = { token: await tokenFor({ subject: 't-sx-insurance', role: 'REGULATOR', department: 'MEDICAL_INSURANCE', region: '140000' }) };
    const demo = ok(await hub.query<{ settlements: { nodes: Array<{ payer: Record<string, unknown> }> } }>(sx, PAYERS)).settlements.nodes;
    expect(demo.map((n) => n.payer)).toEqual([{ payer: 'FUND_DIRECT', regionCode: '141100', document: POLICY_DOCUMENTS.lvliang.document }]);

    // A receipt confirmed in Lüliang opens a payable the fund pays (the policy in force on acceptance).
    const deliveryId = randomUUID();
    const receipt: ReceiptConfirmedV1 = {
      deliveryId, orderId: randomUUID(), institutionId: I.lvliangVillageClinic, regionCode: '141102', enterpriseId: DEMO.enterprises.jintongPharma,
      acceptedOn: todayInChina(), warehousedAt: new Date().toISOString(), confirmedAt: new Date().toISOString(), confirmationDeadline: null, confirmedLate: null,
      amount: '9.5', lines: [{ lineNo: 1, productId: P.metforminJintong, quantity: 100, unitPrice: '0.095', amount: '9.5' }],
    };
    await deliverToInsurance(hub, 'ReceiptConfirmed', receipt.orderId, 1, receipt, 'distribution');
    const [row] = await hub.db.query(`SELECT payer, payer_policy_region_code, payer_policy_effective_from FROM insurance.settlement WHERE delivery_id = $1`, [deliveryId]);
    expect(row).toEqual({ payer: 'FUND_DIRECT', payer_policy_region_code: '141100', payer_policy_effective_from: POLICY_DOCUMENTS.lvliang.effectiveFrom });
  });
});
