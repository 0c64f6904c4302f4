/**
 * SQL for "how much did an institution buy of a product between two days" (both included), read from the
 * purchased-quantity rollups instead of the order lines: whole months from the monthly rollup, the partial
 * months at either edge from the daily one, each by its primary key (institution, product, then time).
 * The arguments are SQL expressions (columns of the row asking, or parameters); the result is a scalar
 * sub-select, 0 when nothing was bought.
 */
export function purchasedBetween(institution: string, product: string, fromDay: string, toDay: string): string {
  const firstMonth = `(date_trunc('month', (${fromDay})::date - 1) + interval '1 month')::date`;
  const afterMonths = `date_trunc('month', (${toDay})::date + 1)::date`;
  return `(SELECT coalesce(sum(x.quantity), 0) FROM (
      SELECT pv.quantity FROM procurement.purchased_volume pv
       WHERE pv.institution_id = ${institution} AND pv.product_id = ${product} AND pv.month >= ${firstMonth} AND pv.month < ${afterMonths}
      UNION ALL
      SELECT pd.quantity FROM procurement.purchased_volume_day pd
       WHERE pd.institution_id = ${institution} AND pd.product_id = ${product} AND pd.day BETWEEN ${fromDay} AND ${toDay}
         AND (pd.day < ${firstMonth} OR pd.day >= ${afterMonths})
    ) x)`;
}

/**
 * The same for many items at once: `items` names a relation with columns (id, institution_id, product_id,
 * from_day, to_day); the result is a relation `(id, quantity)` with one row per item.
 */
export function purchasedPerItem(items: string): string {
  return `(SELECT it.id, ${purchasedBetween('it.institution_id', 'it.product_id', 'it.from_day', 'it.to_day')} AS quantity FROM ${items} it)`;
}
