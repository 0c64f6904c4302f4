/**
 * SQL for "how much did each item's institution buy of its product between two days", read from the
 * purchased-quantity rollups instead of the order lines (P-05 must stay fast at ten million lines).
 * `items` names a relation with columns (id, institution_id, product_id, from_day, to_day); whole months
 * come from the monthly rollup, the partial months at either edge from the daily one.
 * The result is a relation `(id, quantity, amount)` with one row per item that bought anything.
 */
export function purchasedPerItem(items: string): string {
  // Each item probes the rollups' primary keys: reading the months by range and hash-joining them was
  // 1.1–8× slower on the synthetic province of `npm run bench:data` (10 million order lines).
  return `(
    WITH bounds AS MATERIALIZED (
      SELECT it.id, it.institution_id, it.product_id, it.from_day, it.to_day,
             (date_trunc('month', it.from_day - 1) + interval '1 month')::date AS first_month,
             date_trunc('month', it.to_day + 1)::date AS after_months
        FROM ${items} it
    )
    SELECT x.id, sum(x.quantity) AS quantity, sum(x.amount) AS amount FROM (
      SELECT b.id, pv.quantity, pv.amount
        FROM bounds b
        JOIN procurement.purchased_volume pv
          ON pv.institution_id = b.institution_id AND pv.product_id = b.product_id
         AND pv.month >= b.first_month AND pv.month < b.after_months
      UNION ALL
      SELECT b.id, pd.quantity, pd.amount
        FROM bounds b
        JOIN procurement.purchased_volume_day pd
          ON pd.institution_id = b.institution_id AND pd.product_id = b.product_id
         AND pd.day BETWEEN b.from_day AND b.to_day
         AND (pd.day < b.first_month OR pd.day >= b.after_months)
    ) x GROUP BY x.id
  )`;
}
