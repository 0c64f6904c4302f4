import type { EntityManager } from 'typeorm';
import { isEmpty } from '../../shared/db/insert-rows';
import { agreedAmount, DEMO_AGREED_VOLUMES, DEMO_BATCHES, DEMO_WINNING_PRODUCTS, demoCycleStart, endAfterYears } from '../../shared/demo/awards';
import { DEMO } from '../../shared/demo/ids';
import { daysAgo } from '../../shared/demo/orders';
import { createLogger } from '../../shared/logger';
import { deriveStandards } from '../payment-standard/payment-standard.derivation';
import { upsertCatalogueProduct, upsertWinningProduct } from '../payment-standard/payment-standard.events';
import { applyAgreedVolume } from './prepayment.events';
import { addDays } from './prepayment.policy';

const P = DEMO.products;
const E = DEMO.enterprises;
const I = DEMO.institutions;

const drug = { kind: 'DRUG', consumableCategory: null, functionGroup: null, unit: '片' };
const consumable = { kind: 'CONSUMABLE', dosageForm: null, isOriginator: false, isReferenceDrug: false, passedConsistencyEvaluation: false };

/** Procurement's demo catalogue as ProductCatalogued.v1 would have delivered it (P-01 flags included). */
const CATALOGUE = [
  { ...drug, productId: P.atorvastatinLingnan, manufacturerId: E.lingnanPharma, productName: '阿托伐他汀钙片', genericName: '阿托伐他汀钙片', dosageForm: '片剂', specification: '20mg', isOriginator: false, isReferenceDrug: false, passedConsistencyEvaluation: true },
  { ...drug, productId: P.atorvastatinHuayue, manufacturerId: E.huayuePharma, productName: '阿托伐他汀钙片', genericName: '阿托伐他汀钙片', dosageForm: '片剂', specification: '20mg', isOriginator: false, isReferenceDrug: false, passedConsistencyEvaluation: false },
  { ...drug, productId: P.amlodipineHuayue, manufacturerId: E.huayuePharma, productName: '苯磺酸氨氯地平片', genericName: '苯磺酸氨氯地平片', dosageForm: '片剂', specification: '5mg', isOriginator: false, isReferenceDrug: false, passedConsistencyEvaluation: true },
  { ...drug, productId: P.metforminJintong, manufacturerId: E.jintongPharma, productName: '盐酸二甲双胍片', genericName: '盐酸二甲双胍片', dosageForm: '片剂', specification: '0.5g', isOriginator: false, isReferenceDrug: true, passedConsistencyEvaluation: true },
  { ...consumable, productId: P.stentBayu, manufacturerId: E.bayuMedical, productName: '钴铬合金雷帕霉素洗脱冠脉支架系统', genericName: '冠脉药物洗脱支架', specification: '3.0mm×18mm', consumableCategory: '血管介入类', functionGroup: '冠脉支架', unit: '套' },
  { ...consumable, productId: P.infusionSetJintong, manufacturerId: E.jintongPharma, productName: '一次性使用输液器 带针', genericName: '一次性使用输液器', specification: '0.7mm', consumableCategory: '输注类', functionGroup: '输液器', unit: '支' },
];

const INSTITUTIONS: Record<string, { name: string; regionCode: string }> = {
  [I.shaoguanHospital]: { name: '韶关市武江区人民医院（示例）', regionCode: '440203' },
  [I.shaoguanTownship]: { name: '韶关市武江区龙归镇卫生院（示例）', regionCode: '440203' },
  [I.guichiHospital]: { name: '池州市贵池区人民医院（示例）', regionCode: '341702' },
  [I.guichiTownship]: { name: '贵池区梅村镇卫生院（示例）', regionCode: '341702' },
  [I.chongqingHospital]: { name: '重庆市渝中区人民医院（示例）', regionCode: '500103' },
  [I.lvliangHospital]: { name: '吕梁市离石区人民医院（示例）', regionCode: '141102' },
  [I.lvliangVillageClinic]: { name: '离石区信义镇某村卫生室（示例）', regionCode: '141102' },
};

/**
 * The ledger activity of the demo: which prepayments the fund has paid out (days after the agreement)
 * and the claims offset against them (days after the payout). The rest stay unpaid: due in Shaoguan (no
 * G-02 deadline there), overdue in Guichi (20 days, G-02).
 */
const ACTIVITY: Array<{ institutionId: string; productId: string; paidAfterDays: number; offsets: Array<{ afterDays: number; amount: string; claim: string }> }> = [
  { institutionId: I.shaoguanHospital, productId: P.atorvastatinLingnan, paidAfterDays: 10, offsets: [{ afterDays: 40, amount: '100.00', claim: 'SG-CLAIM-M1' }, { afterDays: 70, amount: '50.00', claim: 'SG-CLAIM-M2' }] },
  { institutionId: I.shaoguanHospital, productId: P.amlodipineHuayue, paidAfterDays: 10, offsets: [{ afterDays: 40, amount: '30.00', claim: 'SG-CLAIM-M1' }] },
  { institutionId: I.guichiHospital, productId: P.atorvastatinLingnan, paidAfterDays: 12, offsets: [{ afterDays: 45, amount: '60.00', claim: 'GC-CLAIM-Q1' }] },
  { institutionId: I.guichiHospital, productId: P.metforminJintong, paidAfterDays: 18, offsets: [] },
  { institutionId: I.lvliangHospital, productId: P.metforminJintong, paidAfterDays: 15, offsets: [{ afterDays: 50, amount: '40.00', claim: 'LL-CLAIM-M2' }] },
];

/**
 * Insurance's copy of the demo's procurement results, as its event handlers would have built it: the
 * catalogue and winners (then the I-01..I-04 standards derived from them), the agreed volumes and their
 * prepayments (G-01..G-03 from the demo policies), then payouts and claim offsets on the ledger.
 * Needs the policies already loaded. Does nothing when winners are already there.
 */
export async function seedPrepaymentDemoData(tx: EntityManager): Promise<boolean> {
  if (!(await isEmpty(tx, 'insurance.winning_product'))) return false;
  const log = createLogger('insurance-demo', 'silent');
  const cycleStart = demoCycleStart();
  const agreedOn = addDays(cycleStart, -15);
  const contractYearEnd = endAfterYears(cycleStart, 1);

  for (const product of CATALOGUE) await upsertCatalogueProduct(tx, product);
  for (const w of DEMO_WINNING_PRODUCTS) {
    const batch = DEMO_BATCHES.find((b) => b.id === w.batchId)!;
    const facts = CATALOGUE.find((c) => c.productId === w.productId)!;
    await upsertWinningProduct(tx, {
      ...facts, winningProductId: w.id, batchId: batch.id, batchName: batch.name, batchLevel: batch.level, regionCodes: batch.regionCodes,
      cycleStart, cycleEnd: endAfterYears(cycleStart, batch.years), pack: '', winningPrice: w.winningPrice, unit: w.unit, awardedOn: addDays(cycleStart, -30),
    });
  }
  await deriveStandards(tx, DEMO_BATCHES.map((b) => b.id));

  for (const v of DEMO_AGREED_VOLUMES) {
    const w = DEMO_WINNING_PRODUCTS.find((x) => x.id === v.winningProductId)!;
    const batch = DEMO_BATCHES.find((b) => b.id === w.batchId)!;
    const institution = INSTITUTIONS[v.institutionId];
    const pooling = batch.regionCodes.find((r) => r === '000000' || institution.regionCode.startsWith(r.slice(0, 2))) ?? batch.regionCodes[0];
    await applyAgreedVolume(
      tx,
      {
        agreedVolumeId: v.id, batchId: batch.id, winningProductId: w.id, productId: w.productId, manufacturerId: w.manufacturerId, kind: w.kind, institutionId: v.institutionId,
        institutionName: institution.name, institutionRegionCode: institution.regionCode, poolingRegionCode: pooling, contractYearStart: cycleStart,
        contractYearEnd, quantity: v.quantity, winningPrice: w.winningPrice, amount: agreedAmount(v), agreedOn,
      },
      agreedOn,
      log,
    );
  }

  const today = daysAgo(0);
  for (const a of ACTIVITY) {
    const [p] = await tx.query(`SELECT id, target_amount, share, share_policy_region_code, share_policy_effective_from FROM insurance.prepayment WHERE institution_id = $1 AND product_id = $2`, [
      a.institutionId,
      a.productId,
    ]);
    const paidOn = addDays(agreedOn, a.paidAfterDays);
    await tx.query(`UPDATE insurance.prepayment SET disbursed_on = $2 WHERE id = $1`, [p.id, paidOn]);
    await tx.query(
      `INSERT INTO insurance.prepayment_entry (prepayment_id, kind, amount, entry_on, reason, policy_region_code, policy_effective_from)
       VALUES ($1, 'PREPAYMENT', $2, $3, $4, $5, $6)`,
      [p.id, p.target_amount, paidOn, `I-05/G-01: ${p.share} of the agreed amount paid out`, p.share_policy_region_code, p.share_policy_effective_from],
    );
    for (const o of a.offsets) {
      const offsetOn = addDays(paidOn, o.afterDays);
      if (offsetOn > today) continue;
      await tx.query(
        `INSERT INTO insurance.prepayment_entry (prepayment_id, kind, amount, entry_on, reason, reference, policy_region_code, policy_effective_from)
         VALUES ($1, 'OFFSET', $2, $3, 'I-05/G-03: offset against the institution’s claim', $4, $5, $6)`,
        [p.id, o.amount, offsetOn, o.claim, p.share_policy_region_code, p.share_policy_effective_from],
      );
    }
  }
  return true;
}
