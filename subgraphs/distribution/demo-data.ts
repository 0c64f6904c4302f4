import type { DataSource } from 'typeorm';
import { creditCodeCheckCharacter } from '../shared/credit-code';
import { seedTable } from '../shared/db/insert-rows';
import { DEMO_ORDERS, noonDaysAgo, priced } from '../shared/demo/orders';
import { DEMO, demoId } from '../shared/demo/ids';
import { seedSupplyDemoData } from './supply.demo';
import { POLICY_DOCUMENTS as DOCS, policyRowHead } from '../shared/demo/policy-documents';

const E = DEMO.enterprises;

/** A fictional but well-formed credit code: registration authority and type (91), region, 9-character organisation code, check character. */
function creditCode(region: string, organisation: string): string {
  const first17 = `91${region}${organisation}`;
  return first17 + creditCodeCheckCharacter(first17);
}

/** Fictional enterprises: four manufacturers (one also distributes) and two distributors. */
const ENTERPRISES = [
  { id: E.lingnanPharma, name: '岭南制药股份有限公司（示例）', credit_code: creditCode('440100', 'MA5CLN001'), is_manufacturer: true, is_distributor: false, region_code: '440100' },
  { id: E.huayuePharma, name: '华岳药业有限公司（示例）', credit_code: creditCode('140100', 'MA0HY0002'), is_manufacturer: true, is_distributor: false, region_code: '140100' },
  { id: E.bayuMedical, name: '巴渝医疗器械有限公司（示例）', credit_code: creditCode('500000', 'MA6BY0003'), is_manufacturer: true, is_distributor: false, region_code: '500000' },
  { id: E.jintongPharma, name: '晋通医药有限公司（示例）', credit_code: creditCode('141100', 'MA0JT0004'), is_manufacturer: true, is_distributor: true, region_code: '141100' },
  { id: E.jianghuaiLogistics, name: '江淮医药物流有限公司（示例）', credit_code: creditCode('340100', 'MA2JH0005'), is_manufacturer: false, is_distributor: true, region_code: '340100' },
  { id: E.yuebeiDistribution, name: '粤北医药配送有限公司（示例）', credit_code: creditCode('440200', 'MA4YB0006'), is_manufacturer: false, is_distributor: true, region_code: '440200' },
];

/** Distribution's section G parameters as the seed documents set them. */
const POLICIES = [
  // G-05: receipt confirmed on the platform within 24 hours of warehousing.
  { ...policyRowHead(DOCS.guichi), receipt_confirmation_hours: 24 },
  // G-07: at most 5 distributors per winning drug, 10 per consumable, per pooling region.
  { ...policyRowHead(DOCS.shanxi), distributor_cap_drugs: 5, distributor_cap_consumables: 10 },
  { ...policyRowHead(DOCS.lvliang), distributor_cap_drugs: 5, distributor_cap_consumables: 10 },
  // D-04: Guangdong 2025 asks for overdue-order warnings (强化超期不配送订单预警) but sets no hours; these are demo values.
  {
    ...policyRowHead(DOCS.guangdong2025),
    document: `${DOCS.guangdong2025.document}; delivery time limits 48 h / emergency 24 h / remote area 72 h are demo values — the document sets no numbers`,
    delivery_limit_hours: 48,
    emergency_delivery_limit_hours: 24,
    remote_delivery_limit_hours: 72,
  },
];

/** The demo order book as distribution keeps it: the orders it was told of, and its deliveries. */
function demoDeliveries() {
  const orders = DEMO_ORDERS.map((o) => ({
    id: o.id,
    institution_id: o.institutionId,
    region_code: o.regionCode,
    distributor_id: o.distributorId,
    total_amount: priced(o).total,
    placed_at: noonDaysAgo(o.placedDaysAgo),
    emergency: false,
  }));
  const lines = DEMO_ORDERS.flatMap((o) =>
    priced(o).lines.map((l) => ({
      order_id: o.id, line_no: l.lineNo, product_id: l.productId, manufacturer_id: l.manufacturerId, product_name: l.name,
      specification: l.specification, dosage_form: l.dosageForm, pack: l.pack, quantity: l.quantity, unit_price: l.unitPrice, amount: l.amount,
    })),
  );
  const deliveries = DEMO_ORDERS.filter((o) => o.shippedDaysAgo !== null).map((o) => {
    const confirmed = o.acceptedDaysAgo !== null;
    return {
      id: o.deliveryId, order_id: o.id, distributor_id: o.distributorId, institution_id: o.institutionId, region_code: o.regionCode,
      amount: priced(o).total, status: confirmed ? 'RECEIPT_CONFIRMED' : 'SHIPPED', shipped_at: noonDaysAgo(o.shippedDaysAgo!),
      warehoused_at: confirmed ? noonDaysAgo(o.acceptedDaysAgo!) : null,
      confirmed_at: confirmed ? new Date(Date.parse(noonDaysAgo(o.acceptedDaysAgo!)) + 2 * 3600_000).toISOString() : null,
      confirmed_late: confirmed ? false : null,
      accepted_amount: confirmed ? priced(o).total : null,
      // D-03: one box too many arrived with the 'sg-due' order; the receipt accepted what was ordered.
      discrepancy_count: o.id === demoId('order', 'sg-due') ? 1 : 0,
    };
  });
  return { orders, lines, deliveries };
}

/** Loads each demo table of distribution that is still empty. */
export async function seedDistributionDemoData(db: DataSource): Promise<boolean> {
  return db.transaction(async (tx) => {
    const { orders, lines, deliveries } = demoDeliveries();
    const loaded = [
      await seedTable(tx, 'distribution.enterprise', ENTERPRISES),
      await seedTable(tx, 'distribution.jurisdiction_policy', POLICIES),
      await seedTable(tx, 'distribution.order_copy', orders),
      await seedTable(tx, 'distribution.order_line_copy', lines),
      await seedTable(tx, 'distribution.delivery', deliveries),
      await seedSupplyDemoData(tx),
    ];
    return loaded.some(Boolean);
  });
}
