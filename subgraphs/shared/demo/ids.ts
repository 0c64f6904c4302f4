import { createHash } from 'node:crypto';

/**
 * Stable ids for the demo world, shared by the four subgraphs' demo data so that a product in
 * procurement, its manufacturer in distribution and its inspections in quality line up. Name-based
 * (UUID version 5 layout over SHA-1), so they are the same on every machine and every run.
 */
export function demoId(kind: string, name: string): string {
  const hash = createHash('sha1').update(`vbp-hub-demo:${kind}:${name}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The demo organisations and products. All are fictional; only the policies are real (see the seed documents). */
export const DEMO = {
  enterprises: {
    lingnanPharma: demoId('enterprise', 'lingnan-pharma'),
    huayuePharma: demoId('enterprise', 'huayue-pharma'),
    bayuMedical: demoId('enterprise', 'bayu-medical'),
    jintongPharma: demoId('enterprise', 'jintong-pharma'),
    jianghuaiLogistics: demoId('enterprise', 'jianghuai-logistics'),
    yuebeiDistribution: demoId('enterprise', 'yuebei-distribution'),
  },
  products: {
    atorvastatinLingnan: demoId('product', 'atorvastatin-20mg-lingnan'),
    atorvastatinHuayue: demoId('product', 'atorvastatin-20mg-huayue'),
    amlodipineHuayue: demoId('product', 'amlodipine-5mg-huayue'),
    metforminJintong: demoId('product', 'metformin-500mg-jintong'),
    stentBayu: demoId('product', 'coronary-stent-bayu'),
    infusionSetJintong: demoId('product', 'infusion-set-jintong'),
  },
  institutions: {
    shaoguanHospital: demoId('institution', 'shaoguan-wujiang-peoples-hospital'),
    shaoguanTownship: demoId('institution', 'shaoguan-longgui-township-centre'),
    guichiHospital: demoId('institution', 'guichi-district-hospital'),
    guichiTownship: demoId('institution', 'guichi-meicun-township-centre'),
    chongqingHospital: demoId('institution', 'chongqing-yuzhong-hospital'),
    lvliangHospital: demoId('institution', 'lvliang-lishi-hospital'),
    lvliangVillageClinic: demoId('institution', 'lvliang-lishi-village-clinic'),
  },
} as const;
