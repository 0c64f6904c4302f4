import { decimalText, Money } from '../graphql/scalars';
import { daysAgo } from './orders';
import { DEMO, demoId } from './ids';

/**
 * The demo's procurement results, shared by every subgraph that keeps a part of them: procurement owns
 * batches, winning products and agreed volumes; insurance prepays on them; distribution checks its
 * authorisations cover the participating institutions; quality watches the winners. Each subgraph
 * seeds its own copy from these facts, exactly as its event handlers would have built it.
 *
 * The first contract year always contains the day the demo is loaded, with months already elapsed,
 * so completion progress has something to show: the cycle starts on the last 1 January or 1 July at
 * least 120 days before the load date (the half-year alignment of G-10).
 */
export function demoCycleStart(now = new Date()): string {
  const [year, month] = daysAgo(120, now).split('-').map(Number);
  return month >= 7 ? `${year}-07-01` : `${year}-01-01`;
}

/** The day before the same date `years` later: the last day of a cycle or contract year. */
export function endAfterYears(start: string, years: number): string {
  const [y, m, d] = start.split('-').map(Number);
  const next = new Date(Date.UTC(y + years, m - 1, d) - 86_400_000);
  return next.toISOString().slice(0, 10);
}

export interface DemoBatch {
  id: string;
  name: string;
  level: 'NATIONAL' | 'ALLIANCE' | 'PROVINCIAL';
  regionCodes: string[];
  kind: 'DRUG' | 'CONSUMABLE';
  /** Cycle length in contract years. */
  years: number;
}

export interface DemoWinningProduct {
  id: string;
  batchId: string;
  productId: string;
  manufacturerId: string;
  kind: 'DRUG' | 'CONSUMABLE';
  winningPrice: string;
  unit: string;
}

export interface DemoAgreedVolume {
  id: string;
  winningProductId: string;
  institutionId: string;
  /** In the smallest unit, for the first contract year. */
  quantity: number;
}

const P = DEMO.products;
const E = DEMO.enterprises;
const I = DEMO.institutions;

export const DEMO_BATCHES: DemoBatch[] = [
  { id: demoId('batch', 'national-drugs'), name: '国家组织药品集中采购（示例批次）', level: 'NATIONAL', regionCodes: ['000000'], kind: 'DRUG', years: 2 },
  { id: demoId('batch', 'guangdong-stents'), name: '广东省冠脉支架集中带量采购（示例）', level: 'PROVINCIAL', regionCodes: ['440000'], kind: 'CONSUMABLE', years: 2 },
  { id: demoId('batch', 'alliance-infusion'), name: '晋渝皖省际联盟输注类耗材集中带量采购（示例）', level: 'ALLIANCE', regionCodes: ['140000', '340000', '500000'], kind: 'CONSUMABLE', years: 2 },
];
const [NATIONAL, STENTS, INFUSION] = DEMO_BATCHES;

function winner(batch: DemoBatch, productId: string, manufacturerId: string, winningPrice: string, unit: string): DemoWinningProduct {
  return { id: demoId('winning-product', `${batch.id}:${productId}`), batchId: batch.id, productId, manufacturerId, kind: batch.kind, winningPrice, unit };
}

/** Atorvastatin by Huayue did not win (it has not passed consistency evaluation): the P-09/P-10 example. */
export const DEMO_WINNING_PRODUCTS: DemoWinningProduct[] = [
  winner(NATIONAL, P.atorvastatinLingnan, E.lingnanPharma, '0.1200', '片'),
  winner(NATIONAL, P.amlodipineHuayue, E.huayuePharma, '0.0580', '片'),
  winner(NATIONAL, P.metforminJintong, E.jintongPharma, '0.0950', '片'),
  winner(STENTS, P.stentBayu, E.bayuMedical, '590.00', '套'),
  winner(INFUSION, P.infusionSetJintong, E.jintongPharma, '0.9800', '支'),
];
const [ATORVASTATIN, AMLODIPINE, METFORMIN, STENT, INFUSION_SET] = DEMO_WINNING_PRODUCTS;

function agreed(winning: DemoWinningProduct, institutionId: string, quantity: number): DemoAgreedVolume {
  return { id: demoId('agreed-volume', `${winning.id}:${institutionId}`), winningProductId: winning.id, institutionId, quantity };
}

export const DEMO_AGREED_VOLUMES: DemoAgreedVolume[] = [
  agreed(ATORVASTATIN, I.shaoguanHospital, 12000),
  agreed(AMLODIPINE, I.shaoguanHospital, 6000),
  agreed(STENT, I.shaoguanHospital, 40),
  agreed(ATORVASTATIN, I.shaoguanTownship, 2000),
  agreed(AMLODIPINE, I.shaoguanTownship, 1500),
  agreed(ATORVASTATIN, I.guichiHospital, 8000),
  agreed(METFORMIN, I.guichiHospital, 6000),
  agreed(ATORVASTATIN, I.guichiTownship, 1500),
  agreed(METFORMIN, I.guichiTownship, 2000),
  agreed(AMLODIPINE, I.chongqingHospital, 5000),
  agreed(INFUSION_SET, I.chongqingHospital, 20000),
  agreed(METFORMIN, I.lvliangHospital, 6000),
  agreed(INFUSION_SET, I.lvliangHospital, 10000),
  agreed(METFORMIN, I.lvliangVillageClinic, 500),
];

/** County medical communities (医共体): the lead unit and its members (P-06). */
export const DEMO_MEDICAL_COMMUNITIES = [
  { id: demoId('medical-community', 'wujiang'), name: '武江区紧密型县域医共体（示例）', regionCode: '440203', leadInstitutionId: I.shaoguanHospital, memberIds: [I.shaoguanHospital, I.shaoguanTownship] },
  { id: demoId('medical-community', 'guichi'), name: '贵池区县域医共体（示例）', regionCode: '341702', leadInstitutionId: I.guichiHospital, memberIds: [I.guichiHospital, I.guichiTownship] },
];

/** The amount of an agreed volume at the winning price, exactly. */
export function agreedAmount(volume: DemoAgreedVolume): string {
  const winning = DEMO_WINNING_PRODUCTS.find((w) => w.id === volume.winningProductId)!;
  return decimalText(new Money(winning.winningPrice).times(volume.quantity));
}
