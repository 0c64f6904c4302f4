import { randomUUID } from 'node:crypto';
import { DEMO } from '../../subgraphs/shared/demo/ids';
import { decimalText, Money, todayInChina } from '../../subgraphs/shared/graphql/scalars';
import { errorCodes } from '../support/graphql-client';
import { ok } from '../support/flow';
import { startTestHub, TestHub } from '../support/hub';
import { tokenFor } from '../support/tokens';

const P = DEMO.products;
const FILE = `mutation ($input: FileOffListPurchaseInput!) {
  fileOffListPurchase(input: $input) { id kind exemption amount purchasedOn registeredOn registrationDeadline registeredLate statementSha256 product { id } }
}`;
const RATE = `query ($id: ID!, $year: Int!) { onlinePurchaseRate(institutionId: $id, year: $year) { year platformAmount filedAmount totalAmount rate institution { id } } }`;
const SHA = 'ab'.repeat(32);
const year = Number(todayInChina().slice(0, 4));

type Filed = { id: string; registrationDeadline: string | null; registeredLate: boolean; amount: string };

describe('P-07 filed purchases (备案采购), G-06 on the official calendar, P-11 online purchase rate', () => {
  let hub: TestHub;
  let hospital: { token: string };
  const institutionId = randomUUID();
  const drugs: string[] = [];

  beforeAll(async () => {
    hub = await startTestHub({ events: false });
    // A Shaoguan hospital of its own, so the year's amounts are exactly known: 20 drug varieties bought for 990.00 yuan.
    await hub.db.query(`INSERT INTO procurement.institution (id, name, type, region_code) VALUES ($1, '测试医院', 'HOSPITAL', '440203')`, [institutionId]);
    const orderId = randomUUID();
    await hub.db.query(
      `INSERT INTO procurement.purchase_order (id, institution_id, region_code, distributor_id, state, total_amount) VALUES ($1, $2, '440203', $3, 'RECEIPT_CONFIRMED', 990.00)`,
      [orderId, institutionId, DEMO.enterprises.yuebeiDistribution],
    );
    for (let i = 1; i <= 20; i += 1) {
      const id = randomUUID();
      drugs.push(id);
      await hub.db.query(
        `INSERT INTO procurement.product (id, kind, name, generic_name, dosage_form, specification, pack, manufacturer_id, nhsa_code) VALUES ($1, 'DRUG', $2, $2, '片剂', '1mg', '1盒', $3, $4)`,
        [id, `测试药品${i}`, DEMO.enterprises.lingnanPharma, `TEST-${id}`],
      );
      await hub.db.query(`INSERT INTO procurement.order_line (order_id, line_no, product_id, quantity, unit_price, amount) VALUES ($1, $2, $3, 1, $4, $4)`, [orderId, i, id, i === 20 ? '40.00' : '50.00']);
    }
    hospital = { token: await tokenFor({ subject: 'test-hospital', role: 'INSTITUTION', region: '440203', org: institutionId }) };
  });
  afterAll(() => hub.close());

  const input = (overrides: Record<string, unknown> = {}) => ({
    productDescription: '某进口注射液 10ml（未挂网）',
    kind: 'DRUG',
    exemption: 'NONE',
    quantity: 4,
    unitPrice: '2.50',
    amount: '10.00',
    purchasedOn: todayInChina(),
    statementDocumentNumber: '测医备〔2026〕1号',
    statementSha256: SHA,
    ...overrides,
  });
  async function filedCount(): Promise<number> {
    const [{ n }] = await hub.db.query('SELECT count(*)::int AS n FROM procurement.filed_purchase WHERE institution_id = $1', [institutionId]);
    return n as number;
  }

  it('G-06 counts 7 working days on the official calendar: the 2026 Spring Festival and its make-up Saturday', async () => {
    const { fileOffListPurchase } = ok(await hub.query<{ fileOffListPurchase: Filed }>(hospital, FILE, { input: input({ kind: 'CONSUMABLE', exemption: 'HK_MACAO_PRODUCT', purchasedOn: '2026-02-10', productDescription: '港澳药械通器械' }) }));
    // Feb 11, 12, 13, 14 (Saturday worked), then Feb 15–23 off, Feb 24, 25, 26.
    expect(fileOffListPurchase).toMatchObject({ registrationDeadline: '2026-02-26', registeredLate: true });
  });

  it('G-06 follows the operator’s calendar data: a day set as holiday moves the deadline; only the national regulator may set it', async () => {
    const national = { token: await tokenFor({ subject: 'nhsa-operator', role: 'REGULATOR', department: 'MEDICAL_INSURANCE', region: '000000' }) };
    const SET = `mutation ($input: SetOfficialCalendarDaysInput!) { setOfficialCalendarDays(input: $input) { day kind name } }`;
    const days = { days: [{ day: '2026-03-03', kind: 'PUBLIC_HOLIDAY', name: '测试假日' }] };
    expect(errorCodes(await hub.query('insurance-regulator', SET, { input: days }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await hub.query(national, SET, { input: { days: [{ day: '2026-03-04', kind: 'MAKEUP_WORKING_DAY', name: '周三' }] } }))).toEqual(['BAD_USER_INPUT']);
    expect(ok(await hub.query<{ setOfficialCalendarDays: unknown[] }>(national, SET, { input: days })).setOfficialCalendarDays).toEqual([{ day: '2026-03-03', kind: 'PUBLIC_HOLIDAY', name: '测试假日' }]);
    // Purchased Friday 2026-02-27: Feb 28 (Saturday worked), Mar 2, (Mar 3 now off), Mar 4, 5, 6, 9, 10.
    const filed = ok(await hub.query<{ fileOffListPurchase: Filed }>(hospital, FILE, { input: input({ kind: 'CONSUMABLE', exemption: 'HK_MACAO_PRODUCT', purchasedOn: '2026-02-27', productDescription: '港澳药械通器械' }) }));
    expect(filed.fileOffListPurchase.registrationDeadline).toBe('2026-03-10');
    ok(await hub.query(national, SET, { input: { days: [{ day: '2026-03-03', kind: 'REGULAR', name: '撤销' }] } }));
    const calendar = ok(await hub.query<{ officialCalendar: { nodes: Array<{ day: string; kind: string }> } }>('hospital', '{ officialCalendar(year: 2026, page: { first: 100 }) { nodes { day kind name } } }'));
    expect(calendar.officialCalendar.nodes.filter((d) => d.kind === 'MAKEUP_WORKING_DAY').map((d) => d.day)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(calendar.officialCalendar.nodes.some((d) => d.day === '2026-03-03')).toBe(false);
  });

  it('P-07 accepts a drug filing exactly at 1% of the year’s drug amount, on time, and refuses one cent more (nothing written)', async () => {
    // 990.00 through the platform + 10.00 filed = 1000.00; 1% = 10.00.
    const { fileOffListPurchase } = ok(await hub.query<{ fileOffListPurchase: Filed }>(hospital, FILE, { input: input() }));
    expect(fileOffListPurchase).toMatchObject({ amount: '10', registeredLate: false });
    expect(fileOffListPurchase.registrationDeadline! > todayInChina()).toBe(true);
    const before = await filedCount();
    const over = await hub.query(hospital, FILE, { input: input({ quantity: 1, unitPrice: '0.01', amount: '0.01' }) });
    expect(errorCodes(over)).toEqual(['BAD_USER_INPUT']);
    expect(over.body.errors![0].message).toMatch(/^P-07: filed drug purchases/);
    expect(await filedCount()).toBe(before);
  });

  it('P-07 reads its caps from the region’s policy (Guangdong 2025: 1%, 5%, 5%), inherited by the district', async () => {
    const policy = ok(await hub.query<{ jurisdictionPolicy: { filedPurchaseCaps: unknown } }>(hospital, '{ jurisdictionPolicy(regionCode: "440203", on: "2026-03-01") { filedPurchaseCaps { drugAmountShare drugVarietyShare consumableAmountShare source { regionCode effectiveFrom } } } }'));
    expect(policy.jurisdictionPolicy.filedPurchaseCaps).toEqual({ drugAmountShare: '0.01', drugVarietyShare: '0.05', consumableAmountShare: '0.05', source: { regionCode: '440000', effectiveFrom: '2025-12-01' } });
    const before = ok(await hub.query<{ jurisdictionPolicy: { filedPurchaseCaps: unknown } }>(hospital, '{ jurisdictionPolicy(regionCode: "440203", on: "2025-11-30") { filedPurchaseCaps { drugAmountShare } } }'));
    expect(before.jurisdictionPolicy.filedPurchaseCaps).toBeNull();
  });

  it('P-07 caps filed drug varieties at 5% of the regular drug varieties (20 bought through the platform → 1)', async () => {
    await hub.db.query(`UPDATE procurement.jurisdiction_policy SET filed_drug_amount_share = 1 WHERE region_code = '440000' AND effective_from = '2025-12-01'`);
    try {
      const before = await filedCount();
      const second = await hub.query(hospital, FILE, { input: input({ productDescription: '另一种未挂网药品', quantity: 1, unitPrice: '0.01', amount: '0.01' }) });
      expect(errorCodes(second)).toEqual(['BAD_USER_INPUT']);
      expect(second.body.errors![0].message).toMatch(/^P-07: 2 filed drug varieties/);
      expect(await filedCount()).toBe(before);
      // The same variety again is not a new variety.
      ok(await hub.query(hospital, FILE, { input: input({ quantity: 1, unitPrice: '0.01', amount: '0.01' }) }));
    } finally {
      await hub.db.query(`UPDATE procurement.jurisdiction_policy SET filed_drug_amount_share = 0.01 WHERE region_code = '440000' AND effective_from = '2025-12-01'`);
    }
  });

  it('P-07 exempts negotiated-catalogue drugs and HK/Macao products from the caps, and caps consumables at 5%', async () => {
    ok(await hub.query(hospital, FILE, { input: input({ exemption: 'NEGOTIATED_CATALOGUE_DRUG', productDescription: '谈判药品', quantity: 10, unitPrice: '100.00', amount: '1000.00' }) }));
    const before = await filedCount();
    const consumable = await hub.query(hospital, FILE, { input: input({ kind: 'CONSUMABLE', productDescription: '未挂网耗材' }) });
    expect(errorCodes(consumable)).toEqual(['BAD_USER_INPUT']);
    expect(consumable.body.errors![0].message).toMatch(/^P-07: filed consumable purchases/);
    expect(errorCodes(await hub.query(hospital, FILE, { input: input({ kind: 'CONSUMABLE', exemption: 'NEGOTIATED_CATALOGUE_DRUG' }) }))).toEqual(['BAD_USER_INPUT']);
    expect(await filedCount()).toBe(before);
  });

  it('P-07 refuses a product listed for the institution (buy it on the platform), a wrong amount and a future date, writing nothing', async () => {
    const before = await filedCount();
    const listed = await hub.query(hospital, FILE, { input: input({ productDescription: null, productId: P.atorvastatinLingnan }) });
    expect(errorCodes(listed)).toEqual(['BAD_USER_INPUT']);
    expect(listed.body.errors![0].message).toMatch(/^P-07: .* is listed/);
    expect(errorCodes(await hub.query(hospital, FILE, { input: input({ amount: '10.01' }) }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await hub.query(hospital, FILE, { input: input({ purchasedOn: `${year + 1}-01-01` }) }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await hub.query(hospital, FILE, { input: input({ productId: drugs[0] }) }))).toEqual(['BAD_USER_INPUT']);
    expect(await filedCount()).toBe(before);
  });

  it('P-07 shows filings to the institution and the regulators of its region only', async () => {
    const LIST = `query ($f: FiledPurchaseFilter) { filedPurchases(filter: $f, page: { first: 100 }) { nodes { id institution { id } registeredLate } } }`;
    const own = ok(await hub.query<{ filedPurchases: { nodes: Array<{ institution: { id: string } }> } }>(hospital, LIST, {}));
    expect(new Set(own.filedPurchases.nodes.map((n) => n.institution.id))).toEqual(new Set([institutionId]));
    const late = ok(await hub.query<{ filedPurchases: { nodes: unknown[] } }>('health-regulator', LIST, { f: { institutionId, registeredLate: true } }));
    expect(late.filedPurchases.nodes).toHaveLength(2);
    const demo = ok(await hub.query<{ filedPurchases: { nodes: unknown[] } }>('hospital', LIST, { f: { institutionId } }));
    expect(demo.filedPurchases.nodes).toEqual([]);
    const chongqing = { token: await tokenFor({ subject: 'cq', role: 'REGULATOR', department: 'MEDICAL_INSURANCE', region: '500000' }) };
    expect(ok(await hub.query<{ filedPurchases: { nodes: unknown[] } }>(chongqing, LIST, {})).filedPurchases.nodes).toEqual([]);
    expect(errorCodes(await hub.query('manufacturer', LIST, {}))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await hub.query('finance-regulator', LIST, {}))).toEqual(['FORBIDDEN']);
  });

  it('P-11 computes the online purchase rate exactly from the platform and filed amounts, scoped', async () => {
    const [{ filed }] = await hub.db.query(
      `SELECT coalesce(sum(amount), 0)::text AS filed FROM procurement.filed_purchase WHERE institution_id = $1 AND extract(year FROM purchased_on) = $2`,
      [institutionId, year],
    );
    const { onlinePurchaseRate } = ok(await hub.query<{ onlinePurchaseRate: Record<string, unknown> }>(hospital, RATE, { id: institutionId, year }));
    const total = new Money(990).plus(filed as string);
    expect(onlinePurchaseRate).toEqual({
      year,
      platformAmount: '990',
      filedAmount: decimalText(filed as string),
      totalAmount: decimalText(total),
      rate: decimalText(new Money(990).dividedBy(total).toDecimalPlaces(6, Money.ROUND_HALF_UP)),
      institution: { id: institutionId },
    });
    expect(filed).toBe('1030.010000');
    expect(ok(await hub.query<{ onlinePurchaseRate: Record<string, unknown> }>(hospital, RATE, { id: institutionId, year: 2001 })).onlinePurchaseRate).toMatchObject({ totalAmount: '0', rate: null });
    expect(errorCodes(await hub.query('hospital', RATE, { id: institutionId, year }))).toEqual(['NOT_FOUND']);
    expect(ok(await hub.query<{ onlinePurchaseRate: { platformAmount: string } }>('health-regulator', RATE, { id: institutionId, year })).onlinePurchaseRate.platformAmount).toBe('990');
    expect(errorCodes(await hub.query('distributor', RATE, { id: institutionId, year }))).toEqual(['FORBIDDEN']);
  });
});
