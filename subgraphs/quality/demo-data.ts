import type { DataSource } from 'typeorm';
import { seedTable } from '../shared/db/insert-rows';
import { DEMO, demoId } from '../shared/demo/ids';
import { POLICY_DOCUMENTS as DOCS, policyRowHead } from '../shared/demo/policy-documents';
import { seedSupervisionDemoData } from './supervision.demo';

const { products: P, enterprises: E, institutions: I } = DEMO;

/** Demo inspections across the three sampling stages, one of them failed. */
const INSPECTIONS = [
  { id: demoId('inspection', 'atorvastatin-lingnan-production'), product_id: P.atorvastatinLingnan, manufacturer_id: E.lingnanPharma, batch_number: 'LN20260301', sampling_stage: 'PRODUCTION', sampled_at_org_id: E.lingnanPharma, region_code: '440100', sampled_on: '2026-03-12', result: 'PASSED', findings: '' },
  { id: demoId('inspection', 'atorvastatin-lingnan-use-shaoguan'), product_id: P.atorvastatinLingnan, manufacturer_id: E.lingnanPharma, batch_number: 'LN20260301', sampling_stage: 'USE', sampled_at_org_id: I.shaoguanHospital, region_code: '440203', sampled_on: '2026-06-03', result: 'PASSED', findings: '' },
  { id: demoId('inspection', 'amlodipine-huayue-distribution'), product_id: P.amlodipineHuayue, manufacturer_id: E.huayuePharma, batch_number: 'HY2026A017', sampling_stage: 'DISTRIBUTION', sampled_at_org_id: E.yuebeiDistribution, region_code: '440200', sampled_on: '2026-07-21', result: 'FAILED', findings: '溶出度不符合规定 (dissolution below the standard)' },
  { id: demoId('inspection', 'metformin-jintong-use-lvliang'), product_id: P.metforminJintong, manufacturer_id: E.jintongPharma, batch_number: 'JT20260505', sampling_stage: 'USE', sampled_at_org_id: I.lvliangHospital, region_code: '141102', sampled_on: '2026-08-09', result: 'PASSED', findings: '' },
  { id: demoId('inspection', 'stent-bayu-use-chongqing'), product_id: P.stentBayu, manufacturer_id: E.bayuMedical, batch_number: 'BY2026-0412', sampling_stage: 'USE', sampled_at_org_id: I.chongqingHospital, region_code: '500103', sampled_on: '2026-09-15', result: 'PENDING', findings: '' },
];

/** Quality's section G parameters as the seed documents set them. */
const POLICIES = [
  // G-08: a dishonest winner's products are barred for two years from all public institutions of the city.
  {
    ...policyRowHead(DOCS.shaoguan),
    dishonesty_ban_years: 2,
    dishonesty_ban_scope: 'All of the enterprise’s products, from the procurement of every public medical institution of the region (所有产品, 全市所有公立医疗机构)',
  },
];

/** Loads each demo table of quality that is still empty. */
export async function seedQualityDemoData(db: DataSource): Promise<boolean> {
  return db.transaction(async (tx) => {
    const loaded = [await seedTable(tx, 'quality.inspection', INSPECTIONS), await seedTable(tx, 'quality.jurisdiction_policy', POLICIES), await seedSupervisionDemoData(tx)];
    return loaded.some(Boolean);
  });
}
