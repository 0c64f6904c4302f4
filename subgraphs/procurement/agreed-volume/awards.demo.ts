import type { EntityManager } from 'typeorm';
import { seedTable } from '../../shared/db/insert-rows';
import { DEMO_AGREED_VOLUMES, DEMO_BATCHES, DEMO_MEDICAL_COMMUNITIES, DEMO_WINNING_PRODUCTS, demoCycleStart, endAfterYears } from '../../shared/demo/awards';
import { contractYearsOf, renewalRuleFor } from '../batch/contract-year';
import { poolingRegionOf } from './agreed-volume.service';

/** The generic names (drugs) or categories (consumables) of each demo batch, as its winners' catalogue entries say. */
const BATCH_NAMES: Record<string, string[]> = {
  [DEMO_BATCHES[0].id]: ['阿托伐他汀钙片', '苯磺酸氨氯地平片', '盐酸二甲双胍片'],
  [DEMO_BATCHES[1].id]: ['血管介入类'],
  [DEMO_BATCHES[2].id]: ['输注类'],
};

/**
 * Procurement's copy of the shared demo results (shared/demo/awards.ts): medical communities, batches,
 * winning products and first-year agreed volumes, each contract year cut by the region's G-10 rule.
 * Runs after the catalogue, institutions and policies are in, inside the demo data's transaction.
 */
export async function seedAwardsDemoData(tx: EntityManager): Promise<boolean> {
  const cycleStart = demoCycleStart();
  const loaded: boolean[] = [];
  loaded.push(
    await seedTable(
      tx,
      'procurement.medical_community',
      DEMO_MEDICAL_COMMUNITIES.map((c) => ({ id: c.id, name: c.name, region_code: c.regionCode, lead_institution_id: c.leadInstitutionId })),
    ),
  );
  for (const c of DEMO_MEDICAL_COMMUNITIES) {
    await tx.query(`UPDATE procurement.institution SET medical_community_id = $1 WHERE id = ANY($2) AND medical_community_id IS NULL`, [c.id, c.memberIds]);
  }
  const cycles = new Map(DEMO_BATCHES.map((b) => [b.id, { start: cycleStart, end: endAfterYears(cycleStart, b.years) }]));
  loaded.push(
    await seedTable(
      tx,
      'procurement.batch',
      DEMO_BATCHES.map((b) => ({
        id: b.id,
        name: b.name,
        level: b.level,
        kind: b.kind,
        region_codes: b.regionCodes,
        generic_names: BATCH_NAMES[b.id],
        cycle_start: cycles.get(b.id)!.start,
        cycle_end: cycles.get(b.id)!.end,
        created_by: 'demo',
      })),
    ),
  );
  loaded.push(
    await seedTable(
      tx,
      'procurement.winning_product',
      DEMO_WINNING_PRODUCTS.map((w) => ({
        id: w.id,
        batch_id: w.batchId,
        product_id: w.productId,
        manufacturer_id: w.manufacturerId,
        winning_price: w.winningPrice,
        unit: w.unit,
        awarded_on: cycleStart,
        awarded_by: 'demo',
      })),
    ),
  );
  const institutions: Array<{ id: string; region_code: string }> = await tx.query(`SELECT id, region_code FROM procurement.institution`);
  const regionOf = new Map(institutions.map((i) => [i.id, i.region_code]));
  const volumes = [];
  for (const v of DEMO_AGREED_VOLUMES) {
    const winning = DEMO_WINNING_PRODUCTS.find((w) => w.id === v.winningProductId)!;
    const batch = DEMO_BATCHES.find((b) => b.id === winning.batchId)!;
    const region = regionOf.get(v.institutionId)!;
    const { rule } = await renewalRuleFor(tx, region, cycleStart);
    const [first] = contractYearsOf(cycleStart, cycles.get(batch.id)!.end, rule);
    volumes.push({
      id: v.id,
      institution_id: v.institutionId,
      winning_product_id: v.winningProductId,
      region_code: region,
      pooling_region_code: poolingRegionOf(batch.regionCodes, region),
      contract_year_start: first.start,
      contract_year_end: first.end,
      quantity: v.quantity,
      agreed_on: cycleStart,
      updated_by: 'demo',
    });
  }
  loaded.push(await seedTable(tx, 'procurement.agreed_volume', volumes));
  return loaded.some(Boolean);
}
