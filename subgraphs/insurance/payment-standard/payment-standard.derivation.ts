import type { EntityManager } from 'typeorm';

/**
 * Derives the payment standards (医保支付标准) of the given batches from insurance's local copies of the
 * winning products and the catalogue, and writes them (one per product × pooling region × cycle):
 * - I-01: a winning product's standard is its winning price.
 * - I-02: a non-winning originator, reference drug or consistency-evaluated generic of the same generic
 *   name (and dosage form and strength: a per-unit price only compares within one strength) shares the
 *   standard, the highest winning price of the group; a generic that did not pass evaluation gets no more
 *   than the evaluated ones, the lowest winning price of the group.
 * - I-04: a non-winning consumable gets at most the highest winning price of its category and function group.
 * Each standard applies in the batch's pooling regions for the batch's cycle. Re-deriving updates a
 * derived standard in place (same product, region and cycle start); a published standard (no batch) is never touched.
 */
export async function deriveStandards(tx: EntityManager, batchIds: string[]): Promise<number> {
  if (batchIds.length === 0) return 0;
  const rows: unknown[] = await tx.query(
    `WITH winner AS (
       SELECT w.batch_id, w.batch_name, w.region_codes, w.cycle_start, w.cycle_end, w.product_id, w.kind, w.winning_price, w.unit,
              c.generic_name, c.dosage_form, c.specification, c.consumable_category, c.function_group
         FROM insurance.winning_product w JOIN insurance.catalogue_product c ON c.product_id = w.product_id
        WHERE w.batch_id = ANY($1)
     ),
     drug_group AS (
       SELECT batch_id, batch_name, region_codes, cycle_start, cycle_end, generic_name, dosage_form, specification,
              max(winning_price) AS highest, min(winning_price) AS lowest
         FROM winner WHERE kind = 'DRUG'
        GROUP BY batch_id, batch_name, region_codes, cycle_start, cycle_end, generic_name, dosage_form, specification
     ),
     consumable_group AS (
       SELECT batch_id, batch_name, region_codes, cycle_start, cycle_end, consumable_category, function_group, max(winning_price) AS highest
         FROM winner WHERE kind = 'CONSUMABLE'
        GROUP BY batch_id, batch_name, region_codes, cycle_start, cycle_end, consumable_category, function_group
     ),
     derived AS (
       SELECT batch_id, region_codes, cycle_start, cycle_end, product_id, winning_price AS amount, unit, 'I-01' AS rule,
              format('Winning price (中选价格) of %s', batch_name) AS basis
         FROM winner
       UNION ALL
       SELECT g.batch_id, g.region_codes, g.cycle_start, g.cycle_end, c.product_id,
              CASE WHEN evaluated THEN g.highest ELSE g.lowest END, c.unit, 'I-02',
              CASE WHEN evaluated
                THEN format('Originator, reference or consistency-evaluated %s %s: shares the standard of its generic name in %s (同一通用名同一支付标准)', g.generic_name, g.specification, g.batch_name)
                ELSE format('Not consistency-evaluated: no higher than the evaluated %s %s of %s (未通过一致性评价的不高于通过的)', g.generic_name, g.specification, g.batch_name)
              END
         FROM drug_group g
         JOIN insurance.catalogue_product c
           ON c.kind = 'DRUG' AND c.generic_name = g.generic_name AND c.dosage_form IS NOT DISTINCT FROM g.dosage_form AND c.specification = g.specification
         CROSS JOIN LATERAL (SELECT c.is_originator OR c.is_reference_drug OR c.passed_consistency_evaluation AS evaluated) e
        WHERE NOT EXISTS (SELECT 1 FROM insurance.winning_product x WHERE x.batch_id = g.batch_id AND x.product_id = c.product_id)
       UNION ALL
       SELECT g.batch_id, g.region_codes, g.cycle_start, g.cycle_end, c.product_id, g.highest, c.unit, 'I-04',
              format('Non-winning consumable: capped at the highest winning price of %s/%s in %s', g.consumable_category, g.function_group, g.batch_name)
         FROM consumable_group g
         JOIN insurance.catalogue_product c
           ON c.kind = 'CONSUMABLE' AND c.consumable_category = g.consumable_category AND c.function_group = g.function_group
        WHERE NOT EXISTS (SELECT 1 FROM insurance.winning_product x WHERE x.batch_id = g.batch_id AND x.product_id = c.product_id)
     ),
     per_region AS (
       SELECT DISTINCT ON (d.product_id, r.region_code, d.cycle_start)
              d.product_id, r.region_code, d.amount, d.unit, d.rule, d.basis, d.cycle_start, d.cycle_end, d.batch_id
         FROM derived d CROSS JOIN LATERAL unnest(d.region_codes) AS r(region_code)
        ORDER BY d.product_id, r.region_code, d.cycle_start, d.rule, d.amount
     )
     INSERT INTO insurance.payment_standard AS s (id, product_id, region_code, amount, unit, rule, basis, effective_from, effective_to, batch_id)
     SELECT gen_random_uuid(), product_id, region_code, amount, unit, rule, basis, cycle_start, cycle_end, batch_id FROM per_region
     ON CONFLICT (product_id, region_code, effective_from) DO UPDATE
        SET amount = EXCLUDED.amount, unit = EXCLUDED.unit, rule = EXCLUDED.rule, basis = EXCLUDED.basis,
            effective_to = EXCLUDED.effective_to, batch_id = EXCLUDED.batch_id
      WHERE s.batch_id IS NOT NULL
     RETURNING s.id`,
    [batchIds],
  );
  return rows.length;
}

/** The batches whose winners share a standard group with `productId` (generic name group or consumable group). */
export async function batchesOfGroup(tx: EntityManager, productId: string): Promise<string[]> {
  const rows: Array<{ batch_id: string }> = await tx.query(
    `SELECT DISTINCT w.batch_id
       FROM insurance.catalogue_product p
       JOIN insurance.catalogue_product c
         ON (p.kind = 'DRUG' AND c.kind = 'DRUG' AND c.generic_name = p.generic_name AND c.dosage_form IS NOT DISTINCT FROM p.dosage_form AND c.specification = p.specification)
         OR (p.kind = 'CONSUMABLE' AND c.kind = 'CONSUMABLE' AND c.consumable_category = p.consumable_category AND c.function_group = p.function_group)
       JOIN insurance.winning_product w ON w.product_id = c.product_id
      WHERE p.product_id = $1`,
    [productId],
  );
  return rows.map((r) => r.batch_id);
}
