import type { DataSource } from 'typeorm';
import { insertRows, isEmpty } from '../shared/db/insert-rows';
import { DEMO, demoId } from '../shared/demo/ids';
import { POLICY_DOCUMENTS as DOCS, policyRowHead } from '../shared/demo/policy-documents';

const P = DEMO.products;

function standard(product: string, region: string, amount: string, unit: string, rule: string, basis: string) {
  return { id: demoId('payment-standard', `${product}:${region}`), product_id: product, region_code: region, amount, unit, rule, basis, effective_from: '2024-01-01' };
}

/** Demo payment standards: illustrative amounts, each with the rule that would produce it. */
const STANDARDS = [
  standard(P.atorvastatinLingnan, '440000', '0.1240', '片', 'I-01', 'Winning price (中选价格) of the demo batch'),
  standard(P.atorvastatinHuayue, '440000', '0.1240', '片', 'I-02', 'Not consistency-evaluated: no higher than the evaluated generics of 阿托伐他汀钙片'),
  standard(P.amlodipineHuayue, '440000', '0.0580', '片', 'I-01', 'Winning price (中选价格) of the demo batch'),
  standard(P.metforminJintong, '140000', '0.0950', '片', 'I-01', 'Winning price (中选价格) of the demo batch'),
  standard(P.metforminJintong, '500000', '0.0950', '片', 'I-01', 'Winning price (中选价格) of the demo batch'),
  standard(P.stentBayu, '500000', '590.00', '套', 'I-01', 'Winning price (中选价格) of the demo consumables batch'),
  standard(P.infusionSetJintong, '140000', '0.9800', '支', 'I-04', 'Non-winning consumable: capped at the highest winning price of 输注类/输液器'),
];

/** Insurance's section G parameters as the seed documents set them. */
const POLICIES = [
  // National pilot: prepay not less than 30%; pay within 30 days of accepted delivery.
  { ...policyRowHead(DOCS.national), prepayment_share_drugs: '0.30', prepayment_share_is_minimum: true, payment_term_basis: 'DAYS_AFTER_ACCEPTANCE', payment_term_days: 30 },
  // Chongqing: not less than 50% of the purchase amount.
  { ...policyRowHead(DOCS.chongqing), prepayment_share_drugs: '0.50', prepayment_share_is_minimum: true },
  // Shaoguan: 30%; continues after completion (I-05); ≤30 days after accepted delivery.
  {
    ...policyRowHead(DOCS.shaoguan),
    prepayment_share_drugs: '0.30',
    prepayment_share_is_minimum: false,
    prepayment_continues_after_completion: true,
    payment_term_basis: 'DAYS_AFTER_ACCEPTANCE',
    payment_term_days: 30,
  },
  // Guichi: 30% within 20 days of the agreement; continues after completion; ≤30 days after acceptance and invoice.
  {
    ...policyRowHead(DOCS.guichi),
    prepayment_share_drugs: '0.30',
    prepayment_share_consumables: '0.30',
    prepayment_share_is_minimum: false,
    prepayment_days: 20,
    prepayment_continues_after_completion: true,
    payment_term_basis: 'DAYS_AFTER_ACCEPTANCE_AND_INVOICE',
    payment_term_days: 30,
  },
  // Shanxi (and Lüliang forwarding it): drugs 50%, consumables 30%; offset against claims; leftover back
  // within 2 months after the cycle; pay by the end of the month after acceptance.
  ...[DOCS.shanxi, DOCS.lvliang].map((doc) => ({
    ...policyRowHead(doc),
    prepayment_share_drugs: '0.50',
    prepayment_share_consumables: '0.30',
    prepayment_share_is_minimum: false,
    prepayment_offset_against_claims: true,
    prepayment_leftover_recovery_months: 2,
    payment_term_basis: 'END_OF_FOLLOWING_MONTH',
  })),
];

/** Loads the demo payment standards and policies when insurance holds no standard yet. */
export async function seedInsuranceDemoData(db: DataSource): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (!(await isEmpty(tx, 'insurance.payment_standard'))) return false;
    await insertRows(tx, 'insurance.payment_standard', STANDARDS);
    await insertRows(tx, 'insurance.jurisdiction_policy', POLICIES);
    return true;
  });
}
