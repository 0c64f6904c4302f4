import type { EntityManager } from 'typeorm';
import { seedTable } from '../shared/db/insert-rows';
import { DEMO_AGREED_VOLUMES, DEMO_BATCHES, DEMO_WINNING_PRODUCTS, demoCycleStart, endAfterYears } from '../shared/demo/awards';
import { DEMO, demoId } from '../shared/demo/ids';
import { daysAgo, DEMO_ORDERS, noonDaysAgo, priced } from '../shared/demo/orders';

const { products: P, enterprises: E, institutions: I } = DEMO;

/** Product facts distribution learns with each award (WinningProductAwarded.v1), as procurement's catalogue has them. */
const PRODUCT_FACTS: Record<string, { name: string; specification: string }> = {
  [P.atorvastatinLingnan]: { name: '阿托伐他汀钙片', specification: '20mg' },
  [P.amlodipineHuayue]: { name: '苯磺酸氨氯地平片', specification: '5mg' },
  [P.metforminJintong]: { name: '盐酸二甲双胍片', specification: '0.5g' },
  [P.stentBayu]: { name: '钴铬合金雷帕霉素洗脱冠脉支架系统', specification: '3.0mm×18mm' },
  [P.infusionSetJintong]: { name: '一次性使用输液器 带针', specification: '0.7mm' },
};

/** Institution facts distribution learns with each agreed volume (AgreedVolumeSet.v1). */
const INSTITUTION_FACTS: Record<string, { name: string; regionCode: string }> = {
  [I.shaoguanHospital]: { name: '韶关市武江区人民医院（示例）', regionCode: '440203' },
  [I.shaoguanTownship]: { name: '韶关市武江区龙归镇卫生院（示例）', regionCode: '440203' },
  [I.guichiHospital]: { name: '池州市贵池区人民医院（示例）', regionCode: '341702' },
  [I.guichiTownship]: { name: '贵池区梅村镇卫生院（示例）', regionCode: '341702' },
  [I.chongqingHospital]: { name: '重庆市渝中区人民医院（示例）', regionCode: '500103' },
  [I.lvliangHospital]: { name: '吕梁市离石区人民医院（示例）', regionCode: '141102' },
  [I.lvliangVillageClinic]: { name: '离石区信义镇某村卫生室（示例）', regionCode: '141102' },
};

function winningProducts() {
  const cycleStart = demoCycleStart();
  return DEMO_WINNING_PRODUCTS.map((w) => {
    const batch = DEMO_BATCHES.find((b) => b.id === w.batchId)!;
    return {
      id: w.id, batch_id: batch.id, batch_name: batch.name, region_codes: batch.regionCodes, cycle_start: cycleStart, cycle_end: endAfterYears(cycleStart, batch.years),
      product_id: w.productId, manufacturer_id: w.manufacturerId, kind: w.kind, product_name: PRODUCT_FACTS[w.productId].name, specification: PRODUCT_FACTS[w.productId].specification,
    };
  });
}

/** The pooling region of an institution for a batch: the batch region that contains it (000000 for a national batch). */
function poolingRegion(batchRegions: string[], institutionRegion: string): string {
  return batchRegions.find((r) => r === '000000' || institutionRegion.startsWith(r.slice(0, 2))) ?? batchRegions[0];
}

function agreedVolumes() {
  const cycleStart = demoCycleStart();
  return DEMO_AGREED_VOLUMES.map((v) => {
    const winner = DEMO_WINNING_PRODUCTS.find((w) => w.id === v.winningProductId)!;
    const batch = DEMO_BATCHES.find((b) => b.id === winner.batchId)!;
    const institution = INSTITUTION_FACTS[v.institutionId];
    return {
      id: v.id, winning_product_id: v.winningProductId, institution_id: v.institutionId, institution_name: institution.name,
      institution_region_code: institution.regionCode, pooling_region_code: poolingRegion(batch.regionCodes, institution.regionCode), contract_year_start: cycleStart, quantity: v.quantity,
    };
  });
}

const winnerOf = (productId: string) => DEMO_WINNING_PRODUCTS.find((w) => w.productId === productId)!;

/**
 * D-02 demo choices: Yuebei serves Shaoguan for Lingnan and Huayue (the Guichi institutions of the national
 * batch stay uncovered, so the coverage check has something to show), Jintong delivers its own metformin in
 * Lüliang, Jianghuai its infusion sets in Chongqing, Yuebei Bayu's stents in Guangdong.
 */
function authorizations() {
  const grant = (name: string, productId: string, distributorId: string, pooling: string, coverage: string[], daysBack: number) => {
    const w = winnerOf(productId);
    return {
      id: demoId('authorization', name), winning_product_id: w.id, product_id: productId, manufacturer_id: w.manufacturerId, distributor_id: distributorId, kind: w.kind,
      pooling_region_code: pooling, coverage_region_codes: coverage, status: 'ACTIVE', authorized_at: noonDaysAgo(daysBack), revoked_at: null,
    };
  };
  return [
    grant('lingnan-atorvastatin-yuebei', P.atorvastatinLingnan, E.yuebeiDistribution, '440000', ['440200'], 100),
    grant('huayue-amlodipine-yuebei', P.amlodipineHuayue, E.yuebeiDistribution, '440000', ['440200'], 100),
    grant('jintong-metformin-jintong', P.metforminJintong, E.jintongPharma, '140000', ['141100'], 90),
    grant('jintong-infusion-jianghuai', P.infusionSetJintong, E.jianghuaiLogistics, '500000', ['500000'], 90),
    grant('bayu-stent-yuebei', P.stentBayu, E.yuebeiDistribution, '440000', ['440000'], 80),
  ];
}

/** D-05 demo stock: one report per enterprise, batch by batch, and the levels it left. */
function stock() {
  const lines: Array<[enterprise: string, product: string, region: string, batch: string, quantity: number, reserve: number]> = [
    [E.lingnanPharma, P.atorvastatinLingnan, '440000', 'LN240901', 80000, 15000],
    [E.lingnanPharma, P.atorvastatinLingnan, '440000', 'LN241002', 40000, 5000],
    [E.lingnanPharma, P.atorvastatinLingnan, '340000', 'LN241002', 30000, 0],
    [E.yuebeiDistribution, P.atorvastatinLingnan, '440200', 'LN240901', 8400, 1400],
    [E.yuebeiDistribution, P.amlodipineHuayue, '440200', 'HY240715', 5600, 0],
    [E.jintongPharma, P.metforminJintong, '141100', 'JT240820', 48000, 6000],
    [E.jintongPharma, P.infusionSetJintong, '500000', 'JT-IV-2409', 20000, 2000],
    [E.bayuMedical, P.stentBayu, '440000', 'BY2408A', 120, 20],
  ];
  const enterprises = [...new Set(lines.map((l) => l[0]))];
  const reportedAt = noonDaysAgo(1);
  const reports = enterprises.map((e) => ({
    id: demoId('stock-report', e), enterprise_id: e, idempotency_key: `demo-stock-${e.slice(0, 8)}`, request_hash: 'demo', line_count: lines.filter((l) => l[0] === e).length, reported_at: reportedAt,
  }));
  const reportLines = enterprises.flatMap((e) =>
    lines.filter((l) => l[0] === e).map(([, product, region, batch, quantity, reserve], i) => ({
      report_id: demoId('stock-report', e), line_no: i + 1, product_id: product, region_code: region, batch_number: batch, quantity_on_hand: quantity, emergency_reserve: reserve,
    })),
  );
  const levels = new Map<string, { enterprise_id: string; product_id: string; region_code: string; quantity_on_hand: number; emergency_reserve: number; report_id: string; reported_at: string }>();
  for (const [e, product, region, , quantity, reserve] of lines) {
    const key = `${e}|${product}|${region}`;
    const level = levels.get(key) ?? { enterprise_id: e, product_id: product, region_code: region, quantity_on_hand: 0, emergency_reserve: 0, report_id: demoId('stock-report', e), reported_at: reportedAt };
    level.quantity_on_hand += quantity;
    level.emergency_reserve += reserve;
    levels.set(key, level);
  }
  return { reports, reportLines, levels: [...levels.values()] };
}

const CAPACITY = [
  { enterprise_id: E.lingnanPharma, product_id: P.atorvastatinLingnan, region_code: '440000', monthly_capacity: 2_000_000, reported_at: noonDaysAgo(3) },
  { enterprise_id: E.jintongPharma, product_id: P.metforminJintong, region_code: '140000', monthly_capacity: 1_500_000, reported_at: noonDaysAgo(3) },
  { enterprise_id: E.bayuMedical, product_id: P.stentBayu, region_code: '500000', monthly_capacity: 3_000, reported_at: noonDaysAgo(3) },
];

/** D-05: Lingnan services its atorvastatin line (back in a few days); Jintong lacks a raw material for metformin. */
function productionStops() {
  return [
    {
      id: demoId('production-stop', 'lingnan-atorvastatin'), enterprise_id: E.lingnanPharma, product_id: P.atorvastatinLingnan, region_codes: ['440000', '340000'], reason: 'MAINTENANCE',
      details: '生产线年度检修（示例）', stopped_from: daysAgo(6), expected_resume_on: daysAgo(-8), reported_at: noonDaysAgo(7),
    },
    {
      id: demoId('production-stop', 'jintong-metformin'), enterprise_id: E.jintongPharma, product_id: P.metforminJintong, region_codes: ['140000'], reason: 'RAW_MATERIAL_SHORTAGE',
      details: '原料药供应中断（示例）', stopped_from: daysAgo(2), expected_resume_on: null, reported_at: noonDaysAgo(2),
    },
  ];
}

/** D-03 and D-06 on the demo deliveries: every confirmed one accepted as ordered, one with an extra box, and pack codes on the first. */
function receipts() {
  const confirmed = DEMO_ORDERS.filter((o) => o.acceptedDaysAgo !== null);
  const lines = confirmed.flatMap((o) =>
    priced(o).lines.map((l) => {
      const extra = o.id === demoId('order', 'sg-due') ? 28 : 0;
      return { delivery_id: o.deliveryId, line_no: l.lineNo, received_quantity: l.quantity + extra, accepted_quantity: l.quantity, accepted_amount: l.amount };
    }),
  );
  const discrepancies = [{ delivery_id: demoId('delivery', 'sg-due'), line_no: 1, field: 'QUANTITY', expected: '840', received: '868' }];
  const codes = ['81023450000001234501', '81023450000001234502', '81023450000001234503'].map((code) => ({
    code, delivery_id: demoId('delivery', 'sg-paid'), line_no: 1, product_id: P.atorvastatinLingnan, batch_number: 'LN240901', recorded_at: noonDaysAgo(63),
  }));
  return { lines, discrepancies, codes };
}

/** D-04: remote areas (偏远地区) the Shaoguan plan asks distributors to serve; the seeds name none, so this register is demo data. */
const REMOTE_AREAS = [
  { region_code: '440232', effective_from: '2019-12-24', effective_to: null, document: '韶医保〔2019〕96号 asks for delivery to remote areas (偏远地区) without listing them; 乳源瑶族自治县 is a demo designation' },
];

/** Loads distribution's supply-side demo tables (authorisations, stock, capacity, stops, receipts, codes) that are still empty. */
export async function seedSupplyDemoData(tx: EntityManager): Promise<boolean> {
  const { reports, reportLines, levels } = stock();
  const { lines, discrepancies, codes } = receipts();
  const loaded = [
    await seedTable(tx, 'distribution.winning_product_copy', winningProducts()),
    await seedTable(tx, 'distribution.agreed_volume_copy', agreedVolumes()),
    await seedTable(tx, 'distribution.distributor_authorization', authorizations()),
    await seedTable(tx, 'distribution.stock_report', reports),
    await seedTable(tx, 'distribution.stock_report_line', reportLines),
    await seedTable(tx, 'distribution.stock_level', levels),
    await seedTable(tx, 'distribution.capacity_report', CAPACITY),
    await seedTable(tx, 'distribution.production_stop', productionStops()),
    await seedTable(tx, 'distribution.receipt_line', lines),
    await seedTable(tx, 'distribution.delivery_discrepancy', discrepancies),
    await seedTable(tx, 'distribution.traceability_code', codes),
    await seedTable(tx, 'distribution.remote_area', REMOTE_AREAS),
  ];
  return loaded.some(Boolean);
}
