import type { DataSource } from 'typeorm';
import { seedTable } from '../shared/db/insert-rows';
import { daysAgo, DEMO_ORDERS, priced } from '../shared/demo/orders';
import { PaymentTerm, settlementDueDate } from './settlement/due-date';
import { DEMO, demoId } from '../shared/demo/ids';
import { POLICY_DOCUMENTS as DOCS, policyRowHead } from '../shared/demo/policy-documents';
import { demoCycleStart } from '../shared/demo/awards';
import { addDays } from './prepayment/prepayment.policy';
import { seedPrepaymentDemoData } from './prepayment/prepayment.demo';

const P = DEMO.products;

function standard(product: string, region: string, amount: string, unit: string, rule: string, basis: string) {
  return {
    id: demoId('payment-standard', `${product}:${region}`), product_id: product, region_code: region, amount, unit, rule,
    basis: `${basis}, previous round (上一轮), in force until the demo batch's cycle`, effective_from: '2024-01-01', effective_to: addDays(demoCycleStart(), -1),
  };
}

/**
 * Published standards in force before the demo batches (illustrative amounts): the baseline I-07 savings
 * are measured from. From the cycle start on, the standards derived from the demo winners apply.
 */
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
  // Shaoguan: 30%; continues after completion (I-05); ≤30 days after accepted delivery; savings all retained (I-07).
  {
    ...policyRowHead(DOCS.shaoguan),
    surplus_retention_share: '1',
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
  // Lüliang is the demo's direct-settlement pilot (I-08; Shanxi: 推进医保基金与医药企业直接结算).
  ...[DOCS.shanxi, DOCS.lvliang].map((doc) => ({
    ...policyRowHead(doc),
    direct_settlement_pilot: doc === DOCS.lvliang ? true : null,
    prepayment_share_drugs: '0.50',
    prepayment_share_consumables: '0.30',
    prepayment_share_is_minimum: false,
    prepayment_offset_against_claims: true,
    prepayment_leftover_recovery_months: 2,
    payment_term_basis: 'END_OF_FOLLOWING_MONTH',
  })),
];

/** G-04 where the demo payables are (the same terms POLICIES gives those regions). */
const DEMO_TERMS: Record<string, PaymentTerm & { regionCode: string; document: string; payer: Record<string, unknown> }> = {
  '440203': { basis: 'DAYS_AFTER_ACCEPTANCE', days: 30, regionCode: DOCS.shaoguan.regionCode, document: DOCS.shaoguan.document, payer: { payer: 'INSTITUTION' } },
  '141102': {
    basis: 'END_OF_FOLLOWING_MONTH', days: null, regionCode: DOCS.lvliang.regionCode, document: DOCS.lvliang.document,
    payer: { payer: 'FUND_DIRECT', payer_policy_region_code: DOCS.lvliang.regionCode, payer_policy_effective_from: DOCS.lvliang.effectiveFrom, payer_policy_document: DOCS.lvliang.document },
  },
};

/** The demo order book's payables: one paid, one overdue, some due. */
function demoSettlements() {
  const accepted = DEMO_ORDERS.filter((o) => o.acceptedDaysAgo !== null);
  const settlements = accepted.map((o) => {
    const term = DEMO_TERMS[o.regionCode];
    const acceptedOn = daysAgo(o.acceptedDaysAgo!);
    const total = priced(o).total;
    return {
      id: o.settlementId, delivery_id: o.deliveryId, order_id: o.id, institution_id: o.institutionId, enterprise_id: o.distributorId,
      region_code: o.regionCode, amount: total, accepted_on: acceptedOn, due_date: settlementDueDate(acceptedOn, term),
      term_basis: term.basis, term_days: term.days, term_region_code: term.regionCode, term_document: term.document,
      paid_amount: o.paidDaysAgo !== null ? total : '0', paid_on: o.paidDaysAgo !== null ? daysAgo(o.paidDaysAgo) : null, ...term.payer,
    };
  });
  const lines = accepted.flatMap((o) =>
    priced(o).lines.map((l) => ({ settlement_id: o.settlementId, line_no: l.lineNo, product_id: l.productId, quantity: l.quantity, unit_price: l.unitPrice, amount: l.amount })),
  );
  const payments = accepted
    .filter((o) => o.paidDaysAgo !== null)
    .map((o) => ({
      id: demoId('payment', o.id), settlement_id: o.settlementId, institution_id: o.institutionId, amount: priced(o).total,
      paid_on: daysAgo(o.paidDaysAgo!), idempotency_key: `demo-${o.id}`, request_hash: 'demo',
    }));
  return { settlements, lines, payments };
}

/** Loads each demo table of insurance that is still empty. */
export async function seedInsuranceDemoData(db: DataSource): Promise<boolean> {
  return db.transaction(async (tx) => {
    const { settlements, lines, payments } = demoSettlements();
    const loaded = [
      await seedTable(tx, 'insurance.payment_standard', STANDARDS),
      await seedTable(tx, 'insurance.jurisdiction_policy', POLICIES),
      await seedTable(tx, 'insurance.settlement', settlements),
      await seedTable(tx, 'insurance.settlement_line', lines),
      await seedTable(tx, 'insurance.payment', payments),
      await seedPrepaymentDemoData(tx),
    ];
    return loaded.some(Boolean);
  });
}
