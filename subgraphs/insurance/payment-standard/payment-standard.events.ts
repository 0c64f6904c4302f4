import type { EntityManager } from 'typeorm';
import type { EventHandlers } from '../../shared/events/consumer';
import type { ProductCataloguedV1, WinningProductAwardedV1 } from '../../shared/events/contracts';
import { batchesOfGroup, deriveStandards } from './payment-standard.derivation';

/** The catalogue facts insurance keeps about a product (P-01), from either event that carries them. */
type CatalogueFacts = Pick<
  ProductCataloguedV1,
  | 'productId' | 'manufacturerId' | 'kind' | 'productName' | 'genericName' | 'dosageForm' | 'specification'
  | 'consumableCategory' | 'functionGroup' | 'isOriginator' | 'isReferenceDrug' | 'passedConsistencyEvaluation' | 'unit'
>;

/** Upserts insurance's copy of a catalogue entry; the newest event wins. */
export async function upsertCatalogueProduct(tx: EntityManager, p: CatalogueFacts): Promise<void> {
  await tx.query(
    `INSERT INTO insurance.catalogue_product (product_id, manufacturer_id, kind, product_name, generic_name, dosage_form, specification,
                                              consumable_category, function_group, is_originator, is_reference_drug, passed_consistency_evaluation, unit)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     ON CONFLICT (product_id) DO UPDATE SET
       manufacturer_id = EXCLUDED.manufacturer_id, kind = EXCLUDED.kind, product_name = EXCLUDED.product_name, generic_name = EXCLUDED.generic_name,
       dosage_form = EXCLUDED.dosage_form, specification = EXCLUDED.specification, consumable_category = EXCLUDED.consumable_category,
       function_group = EXCLUDED.function_group, is_originator = EXCLUDED.is_originator, is_reference_drug = EXCLUDED.is_reference_drug,
       passed_consistency_evaluation = EXCLUDED.passed_consistency_evaluation, unit = EXCLUDED.unit, updated_at = now()`,
    [
      p.productId, p.manufacturerId, p.kind, p.productName, p.genericName, p.dosageForm, p.specification,
      p.consumableCategory, p.functionGroup, p.isOriginator, p.isReferenceDrug, p.passedConsistencyEvaluation, p.unit,
    ],
  );
}

/** Upserts insurance's copy of a winning product (P-03). */
export async function upsertWinningProduct(tx: EntityManager, w: WinningProductAwardedV1): Promise<void> {
  await tx.query(
    `INSERT INTO insurance.winning_product (id, batch_id, batch_name, batch_level, region_codes, cycle_start, cycle_end, product_id, manufacturer_id,
                                            kind, winning_price, unit, awarded_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     ON CONFLICT (id) DO UPDATE SET
       batch_name = EXCLUDED.batch_name, batch_level = EXCLUDED.batch_level, region_codes = EXCLUDED.region_codes, cycle_start = EXCLUDED.cycle_start,
       cycle_end = EXCLUDED.cycle_end, winning_price = EXCLUDED.winning_price, unit = EXCLUDED.unit, awarded_on = EXCLUDED.awarded_on`,
    [w.winningProductId, w.batchId, w.batchName, w.batchLevel, w.regionCodes, w.cycleStart, w.cycleEnd, w.productId, w.manufacturerId, w.kind, w.winningPrice, w.unit, w.awardedOn],
  );
}

/**
 * I-01..I-04 from procurement's events: a winner (with its own catalogue flags) or a catalogue entry
 * (the flags of non-winning products, which the award does not carry) re-derives the standards of
 * every batch whose group the product belongs to.
 */
export const paymentStandardEventHandlers: EventHandlers = {
  'procurement.WinningProductAwarded.v1': async (tx, event, log) => {
    const award = event.payload as WinningProductAwardedV1;
    await upsertCatalogueProduct(tx, award);
    await upsertWinningProduct(tx, award);
    const written = await deriveStandards(tx, [award.batchId]);
    log.info({ winningProductId: award.winningProductId, standards: written }, 'payment standards derived');
  },
  'procurement.ProductCatalogued.v1': async (tx, event, log) => {
    const product = event.payload as ProductCataloguedV1;
    await upsertCatalogueProduct(tx, product);
    const written = await deriveStandards(tx, await batchesOfGroup(tx, product.productId));
    log.info({ productId: product.productId, standards: written }, 'catalogue entry kept');
  },
};
