import type { DataSource } from 'typeorm';
import { seedTable } from '../shared/db/insert-rows';
import { DEMO_ORDERS, noonDaysAgo, priced } from '../shared/demo/orders';
import { DEMO, demoId } from '../shared/demo/ids';
import { POLICY_DOCUMENTS as DOCS, policyRowHead } from '../shared/demo/policy-documents';
import { seedOfficialCalendarDemo } from './calendar/official-calendar.demo';
import { seedFiledPurchaseDemo } from './filing/filed-purchase.demo';
import { seedListingDemo } from './listing/listing.demo';
import { seedAwardsDemoData } from './agreed-volume/awards.demo';

const { products: P, enterprises: E, institutions: I } = DEMO;

const drug = { kind: 'DRUG', consumable_category: null, function_group: null };
const consumable = { kind: 'CONSUMABLE', dosage_form: null, is_originator: false, is_reference_drug: false, passed_consistency_evaluation: false };

/** The demo catalogue: fictional products and makers, real generic names and categories. */
const PRODUCTS = [
  { ...drug, id: P.atorvastatinLingnan, name: '阿托伐他汀钙片', generic_name: '阿托伐他汀钙片', dosage_form: '片剂', specification: '20mg', pack: '7片/盒', manufacturer_id: E.lingnanPharma, nhsa_code: 'XC10AAA052A001010100001', is_originator: false, is_reference_drug: false, passed_consistency_evaluation: true },
  { ...drug, id: P.atorvastatinHuayue, name: '阿托伐他汀钙片', generic_name: '阿托伐他汀钙片', dosage_form: '片剂', specification: '20mg', pack: '14片/盒', manufacturer_id: E.huayuePharma, nhsa_code: 'XC10AAA052A001010100002', is_originator: false, is_reference_drug: false, passed_consistency_evaluation: false },
  { ...drug, id: P.amlodipineHuayue, name: '苯磺酸氨氯地平片', generic_name: '苯磺酸氨氯地平片', dosage_form: '片剂', specification: '5mg', pack: '28片/盒', manufacturer_id: E.huayuePharma, nhsa_code: 'XC08CAA046A001010100003', is_originator: false, is_reference_drug: false, passed_consistency_evaluation: true },
  { ...drug, id: P.metforminJintong, name: '盐酸二甲双胍片', generic_name: '盐酸二甲双胍片', dosage_form: '片剂', specification: '0.5g', pack: '48片/盒', manufacturer_id: E.jintongPharma, nhsa_code: 'XA10BAE091A001010100004', is_originator: false, is_reference_drug: true, passed_consistency_evaluation: true },
  { ...consumable, id: P.stentBayu, name: '钴铬合金雷帕霉素洗脱冠脉支架系统', generic_name: '冠脉药物洗脱支架', specification: '3.0mm×18mm', pack: '1套/盒', manufacturer_id: E.bayuMedical, nhsa_code: 'C0201012110000000000000001', consumable_category: '血管介入类', function_group: '冠脉支架' },
  { ...consumable, id: P.infusionSetJintong, name: '一次性使用输液器 带针', generic_name: '一次性使用输液器', specification: '0.7mm', pack: '1支/袋', manufacturer_id: E.jintongPharma, nhsa_code: 'C1401010010000000000000002', consumable_category: '输注类', function_group: '输液器' },
];

/** Institutions in the seed documents' regions. */
const INSTITUTIONS = [
  { id: I.shaoguanHospital, name: '韶关市武江区人民医院（示例）', type: 'HOSPITAL', region_code: '440203' },
  { id: I.shaoguanTownship, name: '韶关市武江区龙归镇卫生院（示例）', type: 'TOWNSHIP_HEALTH_CENTRE', region_code: '440203' },
  { id: I.guichiHospital, name: '池州市贵池区人民医院（示例）', type: 'HOSPITAL', region_code: '341702' },
  { id: I.guichiTownship, name: '贵池区梅村镇卫生院（示例）', type: 'TOWNSHIP_HEALTH_CENTRE', region_code: '341702' },
  { id: I.chongqingHospital, name: '重庆市渝中区人民医院（示例）', type: 'HOSPITAL', region_code: '500103' },
  { id: I.lvliangHospital, name: '吕梁市离石区人民医院（示例）', type: 'HOSPITAL', region_code: '141102' },
  { id: I.lvliangVillageClinic, name: '离石区信义镇某村卫生室（示例）', type: 'VILLAGE_CLINIC', region_code: '141102' },
];

/** P-08 listings: every demo product offered in the seed provinces, at a ceiling price per smallest unit. */
const LISTED_PRICES: Array<[string, string, string]> = [
  [P.atorvastatinLingnan, '0.1240', '片'],
  [P.atorvastatinHuayue, '0.1300', '片'],
  [P.amlodipineHuayue, '0.0580', '片'],
  [P.metforminJintong, '0.0950', '片'],
  [P.stentBayu, '590.00', '套'],
  [P.infusionSetJintong, '0.9800', '支'],
];
const LISTINGS = ['440000', '340000', '500000', '140000'].flatMap((region) =>
  LISTED_PRICES.map(([product, price, unit]) => ({
    id: demoId('listing', `${product}:${region}`),
    product_id: product,
    region_code: region,
    listed_price: price,
    unit,
    status: 'LISTED',
    listed_on: '2024-01-01',
  })),
);

/** Procurement's section G parameters as the seed documents set them. */
const POLICIES = [
  // G-11: monthly monitoring, yearly assessment.
  { ...policyRowHead(DOCS.shaoguan), monitoring_cadence: 'MONTHLY', assessment_cadence: 'YEARLY' },
  // G-09: last year's actual purchases, stock and trend.
  { ...policyRowHead(DOCS.guichi), agreed_volume_basis: 'Last year’s actual purchases, stock and trend of use (上年度实际采购量、库存和使用趋势)' },
  // G-09: 60–70% of last year's total use; G-11: monthly monitoring, quarterly settlement, year-end liquidation.
  {
    ...policyRowHead(DOCS.chongqing),
    agreed_volume_basis: '60%–70% of the institutions’ total use last year (上年度总用量的60%—70%)',
    agreed_volume_min_share: '0.6',
    agreed_volume_max_share: '0.7',
    monitoring_cadence: 'MONTHLY',
    settlement_cadence: 'QUARTERLY',
  },
  // G-10: started in H1 → renews 1 July; H2 → 1 January next year.
  { ...policyRowHead(DOCS.shanxi), contract_renewal: 'HALF_YEAR_ALIGNED' },
  { ...policyRowHead(DOCS.lvliang), contract_renewal: 'HALF_YEAR_ALIGNED' },
  // G-06: filed purchases registered within 7 working days.
  { ...policyRowHead(DOCS.guangdong2025), filed_purchase_working_days: 7 },
];

/** The demo order book's orders, in the state their delivery and payment reached. */
function demoOrders() {
  const orders = DEMO_ORDERS.map((o) => ({
    id: o.id,
    institution_id: o.institutionId,
    region_code: o.regionCode,
    distributor_id: o.distributorId,
    state: o.acceptedDaysAgo !== null ? 'RECEIPT_CONFIRMED' : o.shippedDaysAgo !== null ? 'SHIPPED' : 'PLACED',
    total_amount: priced(o).total,
    placed_at: noonDaysAgo(o.placedDaysAgo),
  }));
  const lines = DEMO_ORDERS.flatMap((o) =>
    priced(o).lines.map((l) => ({ order_id: o.id, line_no: l.lineNo, product_id: l.productId, quantity: l.quantity, unit_price: l.unitPrice, amount: l.amount })),
  );
  return { orders, lines };
}

/** Loads each demo table of procurement that is still empty. */
export async function seedProcurementDemoData(db: DataSource): Promise<boolean> {
  return db.transaction(async (tx) => {
    const { orders, lines } = demoOrders();
    const loaded = [
      await seedTable(tx, 'procurement.product', PRODUCTS),
      await seedTable(tx, 'procurement.institution', INSTITUTIONS),
      await seedTable(tx, 'procurement.jurisdiction_policy', POLICIES),
      await seedTable(tx, 'procurement.listing', LISTINGS),
      await seedTable(tx, 'procurement.purchase_order', orders),
      await seedTable(tx, 'procurement.order_line', lines),
      await seedListingDemo(tx),
      await seedOfficialCalendarDemo(tx),
      await seedFiledPurchaseDemo(tx),
      await seedAwardsDemoData(tx),
    ];
    return loaded.some(Boolean);
  });
}
