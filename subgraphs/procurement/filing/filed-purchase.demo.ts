import type { EntityManager } from 'typeorm';
import { isEmpty, insertRows } from '../../shared/db/insert-rows';
import { DEMO, demoId } from '../../shared/demo/ids';
import { daysAgo } from '../../shared/demo/orders';
import { POLICY_DOCUMENTS } from '../../shared/demo/policy-documents';
import { workingDaysAfter } from '../calendar/official-calendar.service';

const HOSPITAL = DEMO.institutions.shaoguanHospital;

/** Filed purchases of the Shaoguan hospital: exempt ones, one of them registered late. */
const FILINGS = [
  {
    name: 'sg-negotiated-drug',
    product_description: '司美格鲁肽注射液 1.34mg/ml 1.5ml（医保谈判药品，示例）',
    kind: 'DRUG',
    exemption: 'NEGOTIATED_CATALOGUE_DRUG',
    quantity: 10,
    unit_price: '239.00',
    amount: '2390.00',
    purchased: 30,
    registered: 27,
    statement: '武医备〔2026〕12号',
  },
  {
    name: 'sg-hk-macao-device',
    product_description: '港澳药械通 冠脉血管内冲击波导管（示例）',
    kind: 'CONSUMABLE',
    exemption: 'HK_MACAO_PRODUCT',
    quantity: 2,
    unit_price: '13800.00',
    amount: '27600.00',
    purchased: 26,
    registered: 6,
    statement: '武医备〔2026〕15号',
  },
];

/**
 * P-07 demo filings and the Guangdong 2025 caps on the policy row (drugs 1% of the amount and 5% of the
 * regular varieties, consumables 5%). Deadlines are computed on the official calendar like real filings.
 */
export async function seedFiledPurchaseDemo(tx: EntityManager): Promise<boolean> {
  const gd = POLICY_DOCUMENTS.guangdong2025;
  await tx.query(
    `UPDATE procurement.jurisdiction_policy SET filed_drug_amount_share = 0.01, filed_drug_variety_share = 0.05, filed_consumable_amount_share = 0.05
      WHERE region_code = $1 AND effective_from = $2 AND filed_drug_amount_share IS NULL`,
    [gd.regionCode, gd.effectiveFrom],
  );
  if (!(await isEmpty(tx, 'procurement.filed_purchase'))) return false;
  const rows = [];
  for (const { name, purchased, registered, statement, ...filing } of FILINGS) {
    const purchasedOn = daysAgo(purchased);
    const deadline = purchasedOn >= gd.effectiveFrom ? await workingDaysAfter(tx, purchasedOn, 7) : null;
    const registeredOn = daysAgo(registered);
    rows.push({
      ...filing,
      id: demoId('filed-purchase', name),
      institution_id: HOSPITAL,
      region_code: '440203',
      purchased_on: purchasedOn,
      registered_on: registeredOn,
      registration_deadline: deadline,
      registered_late: deadline !== null && registeredOn > deadline,
      statement_document_number: statement,
      statement_sha256: demoId('statement', name).replace(/-/g, '').padEnd(64, '0'),
      registered_by: 'demo-sg-hospital',
    });
  }
  await insertRows(tx, 'procurement.filed_purchase', rows);
  return true;
}
