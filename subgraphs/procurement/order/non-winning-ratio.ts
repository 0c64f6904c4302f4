import type { EntityManager } from 'typeorm';
import { errors } from '../../shared/errors';
import { Money } from '../../shared/graphql/scalars';
import { fetchPolicyVersions, inherit } from '../../shared/policy/jurisdiction-policy';
import { regionChain } from '../../shared/region';
import { contractYearContaining, contractYearsIn } from '../batch/contract-year';
import { purchasedPerItem } from '../completion/purchased';

interface NewLine {
  productId: string;
  quantity: number;
}

/**
 * P-09 (Chongqing plan, seed 002): "医疗机构在优先使用中选药品数量的前提下，可采购非中选药品，采购的非中选药品
 * 数量按比例关系折算后不得超过中选品种". The proportion is the plan's own: winning drugs are to be 60–70% of
 * use, so the G-09 lowest share s of the institution's region is the ratio. Converted, non-winning
 * quantity × s may not exceed winning quantity × (1 − s) — at s = 0.6, at most two non-winning units
 * for every three winning ones — per generic name, institution and contract year, counting this order.
 * Regions whose policy names no share (no ratio to convert by) are not bound by it.
 */
export async function checkNonWinningRatio(tx: EntityManager, institution: { id: string; regionCode: string }, lines: NewLine[], day: string): Promise<void> {
  const [versions] = await fetchPolicyVersions(tx, 'procurement.jurisdiction_policy', [{ regionCode: institution.regionCode, date: day }]);
  const share = inherit(versions, 'agreed_volume_min_share')?.row.agreed_volume_min_share as string | undefined;
  if (!share) return;
  const s = new Money(share);

  // Winners in force today of the generic names this order buys drugs of, in batches pooling the institution.
  const winners: Array<{ generic_name: string; product_id: string; cycle_start: string; cycle_end: string }> = await tx.query(
    `SELECT p.generic_name, w.product_id, b.cycle_start::text AS cycle_start, b.cycle_end::text AS cycle_end
       FROM procurement.winning_product w
       JOIN procurement.batch b ON b.id = w.batch_id
       JOIN procurement.product p ON p.id = w.product_id
      WHERE p.kind = 'DRUG' AND b.region_codes && $1::text[] AND $2::date BETWEEN b.cycle_start AND b.cycle_end
        AND p.generic_name IN (SELECT generic_name FROM procurement.product WHERE id = ANY($3))
      ORDER BY b.cycle_start, w.product_id`,
    [regionChain(institution.regionCode), day, lines.map((l) => l.productId)],
  );
  const winning = new Set(winners.map((w) => w.product_id));
  const ordered: Array<{ id: string; generic_name: string }> = await tx.query(`SELECT id, generic_name FROM procurement.product WHERE id = ANY($1)`, [lines.map((l) => l.productId)]);
  const genericOf = new Map(ordered.map((p) => [p.id, p.generic_name]));
  const checked = new Set(lines.filter((l) => !winning.has(l.productId) && winners.some((w) => w.generic_name === genericOf.get(l.productId))).map((l) => genericOf.get(l.productId)!));

  for (const genericName of checked) {
    const first = winners.find((w) => w.generic_name === genericName)!;
    const year = contractYearContaining(await contractYearsIn(tx, institution.regionCode, first.cycle_start, first.cycle_end), day);
    if (!year) continue;
    const rows: Array<{ id: string; quantity: string }> = await tx.query(
      `WITH items AS (
         SELECT p.id, $1::uuid AS institution_id, p.id AS product_id, $2::date AS from_day, $3::date AS to_day
           FROM procurement.product p WHERE p.generic_name = $4 AND p.kind = 'DRUG')
       SELECT id, quantity::text FROM ${purchasedPerItem('items')} bought`,
      [institution.id, year.start, day, genericName],
    );
    let winningQuantity = new Money(0);
    let otherQuantity = new Money(0);
    const add = (productId: string, quantity: string | number) => {
      if (winning.has(productId)) winningQuantity = winningQuantity.plus(quantity);
      else otherQuantity = otherQuantity.plus(quantity);
    };
    for (const row of rows) add(row.id, row.quantity);
    for (const line of lines) if (genericOf.get(line.productId) === genericName) add(line.productId, line.quantity);
    if (otherQuantity.times(s).gt(winningQuantity.times(new Money(1).minus(s)))) {
      throw errors.badInput(
        `P-09: non-winning ${genericName} (${otherQuantity.toString()}) converted at the ${s.times(100).toString()}% winning share would exceed the winning products bought this contract year (${winningQuantity.toString()})`,
        { field: 'lines', rule: 'P-09' },
      );
    }
  }
}
