import type { EntityManager } from 'typeorm';
import { creditCodeCheckCharacter } from '../shared/credit-code';
import { insertRows, seedTable } from '../shared/db/insert-rows';
import { POLICY_DOCUMENTS as DOCS, policyRowHead } from '../shared/demo/policy-documents';
import { DEMO_AGREED_VOLUMES, DEMO_WINNING_PRODUCTS, demoCycleStart, endAfterYears } from '../shared/demo/awards';
import { DEMO, demoId } from '../shared/demo/ids';
import { daysAgo, DEMO_ORDERS, noonDaysAgo } from '../shared/demo/orders';
import { decimalText, Money } from '../shared/graphql/scalars';
import { lastDayAfterYears } from './ban/ban.service';
import { provinceOf } from './jurisdiction';

const { products: P, enterprises: E, institutions: I } = DEMO;
const DEMO_REGULATOR = 'demo-seed';

/** The same credit codes as distribution's demo register (type 91, region, organisation code, check character). */
function creditCode(region: string, organisation: string): string {
  const first17 = `91${region}${organisation}`;
  return first17 + creditCodeCheckCharacter(first17);
}

/** Quality's copy of the register, as distribution.EnterpriseRegistered.v1 would have built it. */
const ENTERPRISES = [
  { id: E.lingnanPharma, name: '岭南制药股份有限公司（示例）', credit_code: creditCode('440100', 'MA5CLN001'), is_manufacturer: true, is_distributor: false, region_code: '440100' },
  { id: E.huayuePharma, name: '华岳药业有限公司（示例）', credit_code: creditCode('140100', 'MA0HY0002'), is_manufacturer: true, is_distributor: false, region_code: '140100' },
  { id: E.bayuMedical, name: '巴渝医疗器械有限公司（示例）', credit_code: creditCode('500000', 'MA6BY0003'), is_manufacturer: true, is_distributor: false, region_code: '500000' },
  { id: E.jintongPharma, name: '晋通医药有限公司（示例）', credit_code: creditCode('141100', 'MA0JT0004'), is_manufacturer: true, is_distributor: true, region_code: '141100' },
  { id: E.jianghuaiLogistics, name: '江淮医药物流有限公司（示例）', credit_code: creditCode('340100', 'MA2JH0005'), is_manufacturer: false, is_distributor: true, region_code: '340100' },
  { id: E.yuebeiDistribution, name: '粤北医药配送有限公司（示例）', credit_code: creditCode('440200', 'MA4YB0006'), is_manufacturer: false, is_distributor: true, region_code: '440200' },
].map((e) => ({ ...e, status: 'ACTIVE', registered_at: '2024-01-01T00:00:00+08:00' }));

const INCIDENT = {
  lingnanSupply: demoId('incident', 'atorvastatin-lingnan-supply-shaoguan'),
  huayueQuality: demoId('incident', 'amlodipine-huayue-quality-shaoguan'),
  jintongSupply: demoId('incident', 'metformin-jintong-supply-shaoguan'),
};
const BAN = { jintongShaoguan: demoId('ban', 'jintong-shaoguan'), lingnan2021: demoId('ban', 'lingnan-shaoguan-2021') };

/** one open and two resolved incidents; the Jintong one was never paid and led to the ban below. */
function incidents() {
  const base = { opened_by: DEMO_REGULATOR, version: 1 };
  return [
    {
      ...base,
      id: INCIDENT.lingnanSupply, product_id: P.atorvastatinLingnan, enterprise_id: E.lingnanPharma, region_code: '440203', kind: 'SUPPLY_FAILURE',
      description: '中选企业未按合同足量配送阿托伐他汀钙片 (short deliveries of the winning atorvastatin)', occurred_on: daysAgo(6),
      substitute_supplier_id: E.huayuePharma, emergency_supply_plan: '启用华岳药业阿托伐他汀钙片替代供应，粤北医药配送 48 小时内补货 (Huayue’s atorvastatin substitutes; Yuebei restocks within 48 hours)',
      state: 'OPEN',
    },
    {
      ...base,
      id: INCIDENT.huayueQuality, product_id: P.amlodipineHuayue, enterprise_id: E.huayuePharma, region_code: '440200', kind: 'QUALITY_FAILURE',
      description: '抽检批号 HY2026A017 溶出度不符合规定 (batch HY2026A017 failed dissolution)', occurred_on: '2026-07-21',
      substitute_supplier_id: E.yuebeiDistribution, emergency_supply_plan: '召回问题批次，由配送企业调拨合格批次 (recall the batch; the distributor moves a compliant batch in)',
      state: 'RESOLVED', liability: 'WINNER_LIABLE', replacement_cost: '18600.00', replacement_cost_paid_on: '2026-08-30',
      resolution: '问题批次已召回，企业承担替换费用 (batch recalled; the winner paid the replacement)', resolved_on: '2026-08-20', resolved_by: DEMO_REGULATOR, version: 2,
    },
    {
      ...base,
      id: INCIDENT.jintongSupply, product_id: P.metforminJintong, enterprise_id: E.jintongPharma, region_code: '440200', kind: 'SUPPLY_FAILURE',
      description: '二甲双胍片断供两个月 (metformin not supplied for two months)', occurred_on: daysAgo(150),
      substitute_supplier_id: E.lingnanPharma, emergency_supply_plan: null,
      state: 'RESOLVED', liability: 'WINNER_LIABLE', replacement_cost: '9800.00', replacement_cost_paid_on: null,
      resolution: '替代采购完成，中选企业应承担替换费用 (substitute purchase done; the winner owes the extra cost)', resolved_on: daysAgo(120), resolved_by: DEMO_REGULATOR, version: 2,
    },
  ];
}

const BAN_SCOPE = 'All of the enterprise’s products, from the procurement of every public medical institution of the region (所有产品, 全市所有公立医疗机构)';
const SHAOGUAN_DOC = '韶关市医疗保障局等七部门 韶医保〔2019〕96号 (Shaoguan plan)';

/** Q-03 / G-08: Jintong (not needed by the Shaoguan order flow) banned now; Lingnan's 2021 ban, lifted early. */
function bans() {
  const jintongStart = daysAgo(90);
  return [
    {
      id: BAN.jintongShaoguan, enterprise_id: E.jintongPharma, region_code: '440200', incident_id: INCIDENT.jintongSupply,
      reason: '拒不承担药品替换产生的额外费用，视为失信 (refused to pay the replacement cost)', scope: BAN_SCOPE, policy_document: SHAOGUAN_DOC,
      starts_on: jintongStart, ends_on: lastDayAfterYears(jintongStart, 2), declared_by: DEMO_REGULATOR, version: 1,
    },
    {
      id: BAN.lingnan2021, enterprise_id: E.lingnanPharma, region_code: '440200', incident_id: null,
      reason: '2021 年替换费用逾期未付 (replacement cost unpaid in 2021)', scope: BAN_SCOPE, policy_document: SHAOGUAN_DOC,
      starts_on: '2021-03-01', ends_on: '2023-02-28', lifted_on: '2021-09-15', lift_reason: '企业补缴费用，经复核解除 (paid; lifted on review)', lifted_by: DEMO_REGULATOR,
      declared_by: DEMO_REGULATOR, version: 2,
    },
  ];
}

/** records for three enterprises; Lingnan's 2023 judgement has aged out, its recent penalty counts. */
function creditRecords() {
  const row = (name: string, r: Record<string, unknown>) => ({ id: demoId('credit-record', name), recorded_by: DEMO_REGULATOR, ...r });
  return [
    row('jintong-dishonesty', { enterprise_id: E.jintongPharma, kind: 'DISHONESTY', severity: 'SERIOUS', decided_on: daysAgo(90), source_document: `Dishonesty ban under ${SHAOGUAN_DOC}`, summary: '拒不承担替换费用 (refused to pay the replacement cost)', region_code: '440200', ban_id: BAN.jintongShaoguan }),
    row('huayue-penalty', { enterprise_id: E.huayuePharma, kind: 'ADMINISTRATIVE_PENALTY', severity: 'MEDIUM', decided_on: '2026-08-15', source_document: '粤药监罚〔2026〕17号（示例）', summary: '生产销售溶出度不合格的氨氯地平片 (sold amlodipine failing dissolution)', region_code: '440000' }),
    row('lingnan-judgement-2023', { enterprise_id: E.lingnanPharma, kind: 'COURT_JUDGEMENT', severity: 'GENERAL', decided_on: '2023-05-10', source_document: '（2023）粤01民终1234号（示例）', summary: '拖延履行购销合同 (late performance of a supply contract)', region_code: '440100' }),
    row('lingnan-penalty', { enterprise_id: E.lingnanPharma, kind: 'ADMINISTRATIVE_PENALTY', severity: 'GENERAL', decided_on: daysAgo(100), source_document: '穗市监罚〔2026〕88号（示例）', summary: '未按规定报告库存 (stock not reported as required)', region_code: '440100' }),
  ];
}

/** flags, and the data that signals are detected from (orders and listed prices). */
function priceRiskFlags() {
  const row = (name: string, r: Record<string, unknown>) => ({ id: demoId('price-risk-flag', name), flagged_by: DEMO_REGULATOR, ...r });
  return [
    row('atorvastatin-huayue-rises', { product_id: P.atorvastatinHuayue, enterprise_id: E.huayuePharma, region_code: '440000', colour: 'RED', basis: 'REPEATED_PRICE_RISE', action: 'INTERVIEW', reason: '一年内连续两次上调挂网价 (listed price raised twice within a year)', flagged_on: daysAgo(30) }),
    row('atorvastatin-lingnan-growth', { product_id: P.atorvastatinLingnan, enterprise_id: E.lingnanPharma, region_code: '440200', colour: 'YELLOW', basis: 'ABNORMAL_SALES_GROWTH', action: 'REMINDER', reason: '韶关月销售额环比增长超过 50% (Shaoguan monthly sales up more than 50%)', flagged_on: daysAgo(20) }),
  ];
}

/** The demo order book as procurement.OrderPlaced.v1 would have left it: one row per line. */
function saleLines() {
  return DEMO_ORDERS.flatMap((o) => {
    const month = `${daysAgo(o.placedDaysAgo).slice(0, 7)}-01`;
    return o.lines.map((l, i) => ({
      order_id: o.id, line_no: i + 1, product_id: l.productId, manufacturer_id: l.manufacturerId, region_code: o.regionCode, province_code: provinceOf(o.regionCode),
      sales_month: month, quantity: l.quantity, amount: decimalText(new Money(l.unitPrice).times(l.quantity)),
    }));
  });
}

/**
 * Procurement's demo listings (subgraphs/procurement/demo-data.ts LISTED_PRICES), replicated as
 * procurement.ListingChanged.v1 would have left them; keep the two in step.
 */
const LISTED_PRICES: Array<[string, string, string]> = [
  [P.atorvastatinLingnan, E.lingnanPharma, '0.1240'],
  [P.atorvastatinHuayue, E.huayuePharma, '0.1300'],
  [P.amlodipineHuayue, E.huayuePharma, '0.0580'],
  [P.metforminJintong, E.jintongPharma, '0.0950'],
  [P.stentBayu, E.bayuMedical, '590.00'],
  [P.infusionSetJintong, E.jintongPharma, '0.9800'],
];
const LISTINGS = ['440000', '340000', '500000', '140000'].flatMap((region) =>
  LISTED_PRICES.map(([product, manufacturer, price]) => ({
    id: demoId('listing', `${product}:${region}`), product_id: product, manufacturer_id: manufacturer, region_code: region, status: 'LISTED', listed_price: price, changed_at: '2024-01-01T00:00:00+08:00',
  })),
);

/** Price history: every listing's first price, and Huayue atorvastatin's two rises in Guangdong (the repeated-rise signal). */
function listingPriceChanges() {
  const first = LISTINGS.filter((l) => !(l.product_id === P.atorvastatinHuayue && l.region_code === '440000')).map((l) => ({ listing_id: l.id, changed_at: l.changed_at, listed_price: l.listed_price, status: 'LISTED' }));
  const huayue = demoId('listing', `${P.atorvastatinHuayue}:440000`);
  return [
    ...first,
    { listing_id: huayue, changed_at: '2024-01-01T00:00:00+08:00', listed_price: '0.1150', status: 'LISTED' },
    { listing_id: huayue, changed_at: noonDaysAgo(200), listed_price: '0.1240', status: 'LISTED' },
    { listing_id: huayue, changed_at: noonDaysAgo(60), listed_price: '0.1300', status: 'LISTED' },
  ];
}

/** watch lists as Guangdong applies them, stock, a production stop, and agreed volumes. */
function shortageFacts() {
  const watch = [
    { product_id: P.atorvastatinLingnan, list: 'CLINICALLY_NECESSARY_EASILY_SHORT', region_code: '440000', added_on: '2026-01-05', changed_by: DEMO_REGULATOR },
    { product_id: P.metforminJintong, list: 'NATIONAL_SHORTAGE', region_code: '440000', added_on: '2026-01-05', changed_by: DEMO_REGULATOR },
  ];
  const stock = [
    { enterprise_id: E.yuebeiDistribution, product_id: P.atorvastatinLingnan, region_code: '440203', quantity_on_hand: 600, emergency_reserve: 200, reported_at: noonDaysAgo(1) },
    { enterprise_id: E.yuebeiDistribution, product_id: P.amlodipineHuayue, region_code: '440203', quantity_on_hand: 4000, emergency_reserve: 500, reported_at: noonDaysAgo(1) },
  ];
  const stops = [
    { report_id: demoId('production-stop', 'metformin-jintong'), enterprise_id: E.jintongPharma, product_id: P.metforminJintong, region_codes: ['440000', '140000'], reason: '原料药供应中断 (API supply interrupted)', stopped_from: daysAgo(10), expected_resume_on: daysAgo(-30), reported_at: noonDaysAgo(10) },
  ];
  const regionOf: Record<string, string> = {
    [I.shaoguanHospital]: '440203', [I.shaoguanTownship]: '440203', [I.guichiHospital]: '341702', [I.guichiTownship]: '341702',
    [I.chongqingHospital]: '500103', [I.lvliangHospital]: '141102', [I.lvliangVillageClinic]: '141102',
  };
  const start = demoCycleStart();
  const agreed = DEMO_AGREED_VOLUMES.map((v) => {
    const winning = DEMO_WINNING_PRODUCTS.find((w) => w.id === v.winningProductId)!;
    return { institution_id: v.institutionId, winning_product_id: v.winningProductId, contract_year_start: start, contract_year_end: endAfterYears(start, 1), product_id: winning.productId, institution_region_code: regionOf[v.institutionId], quantity: v.quantity };
  });
  return { watch, stock, stops, agreed };
}

/** lower prices listed in other provinces. */
const EXTERNAL_PRICES = [
  { id: demoId('external-price', 'atorvastatin-lingnan-fujian'), product_id: P.atorvastatinLingnan, province_code: '350000', price: '0.1150', observed_on: '2026-10-15', source: '全国挂网价格一览表（示例）', recorded_by: DEMO_REGULATOR },
  { id: demoId('external-price', 'stent-bayu-hunan'), product_id: P.stentBayu, province_code: '430000', price: '560.00', observed_on: '2026-10-15', source: '企业申报（示例）', recorded_by: DEMO_REGULATOR },
];

/** Q-05 thresholds: Guangdong 2025 names the mechanism but no numbers, so these are the hub's working values. */
const PRICE_RISK_POLICY = {
  price_risk_sales_growth: '0.5',
  price_risk_rises: 2,
  price_risk_window_months: 12,
  price_risk_note:
    'Guangdong 2025 (五) puts products with abnormal sales growth or repeated price rises (销售额异常增长或连续涨价) under price-risk handling but sets no thresholds; +50% month on month and 2 rises within 12 months are the hub’s working values, not the seed’s.',
};

/** Loads the demo data of incidents, bans, credit, price risk, shortage and price linkage (each table only while empty). */
export async function seedSupervisionDemoData(tx: EntityManager): Promise<boolean> {
  const shortage = shortageFacts();
  // The policy table held demo rows before Q-05 existed, so this row is added on its own when missing.
  const [thresholds] = await tx.query('SELECT 1 FROM quality.jurisdiction_policy WHERE price_risk_sales_growth IS NOT NULL LIMIT 1');
  if (!thresholds) await insertRows(tx, 'quality.jurisdiction_policy', [{ ...policyRowHead(DOCS.guangdong2025), ...PRICE_RISK_POLICY }]);
  const loaded = [
    await seedTable(tx, 'quality.enterprise', ENTERPRISES),
    await seedTable(tx, 'quality.incident', incidents()),
    await seedTable(tx, 'quality.enterprise_ban', bans()),
    await seedTable(tx, 'quality.credit_record', creditRecords()),
    await seedTable(tx, 'quality.price_risk_flag', priceRiskFlags()),
    await seedTable(tx, 'quality.sale_line', saleLines()),
    await seedTable(tx, 'quality.listing', LISTINGS),
    await seedTable(tx, 'quality.listing_price_change', listingPriceChanges()),
    await seedTable(tx, 'quality.shortage_watch', shortage.watch),
    await seedTable(tx, 'quality.stock_level', shortage.stock),
    await seedTable(tx, 'quality.production_stop', shortage.stops),
    await seedTable(tx, 'quality.agreed_volume', shortage.agreed),
    await seedTable(tx, 'quality.external_lowest_price', EXTERNAL_PRICES),
  ];
  return loaded.some(Boolean);
}
