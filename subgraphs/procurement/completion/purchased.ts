/**
 * How a purchase sum is read: `few` items (a page) probe the rollups' primary keys item by item; `many`
 * items (a province-wide total) read the months in question once by range and hash-join them, which
 * stays linear in the rows read instead of paying an index probe per agreed volume.
 */
export type PurchaseReadStrategy = 'few' | 'many';

/**
 * SQL for "how much did each item's institution buy of its product between two days", read from the
 * purchased-quantity rollups instead of the order lines (P-05 must stay fast at ten million lines).
 * `items` names a relation with columns (id, institution_id, product_id, from_day, to_day); whole months
 * come from the monthly rollup, the partial months at either edge from the daily one.
 * The result is a relation `(id, quantity, amount)` with one row per item that bought anything.
 */
export function purchasedPerItem(items: string, strategy: PurchaseReadStrategy = 'few'): string {
  // MATERIALIZED CTEs have no index, so the planner joins them by hash rather than probing per item.
  const months =
    strategy === 'few'
      ? 'procurement.purchased_volume'
      : `(SELECT pv.* FROM procurement.purchased_volume pv
           WHERE pv.month >= (SELECT min(first_month) FROM bounds) AND pv.month < (SELECT max(after_months) FROM bounds)
             AND pv.product_id IN (SELECT product_id FROM bounds))`;
  const days =
    strategy === 'few'
      ? 'procurement.purchased_volume_day'
      : `(SELECT pd.* FROM procurement.purchased_volume_day pd
           WHERE pd.day BETWEEN (SELECT min(from_day) FROM bounds) AND (SELECT max(to_day) FROM bounds)
             AND (pd.day < (SELECT max(first_month) FROM bounds) OR pd.day >= (SELECT min(after_months) FROM bounds))
             AND pd.product_id IN (SELECT product_id FROM bounds))`;
  return `(
    WITH bounds AS MATERIALIZED (
      SELECT it.id, it.institution_id, it.product_id, it.from_day, it.to_day,
             (date_trunc('month', it.from_day - 1) + interval '1 month')::date AS first_month,
             date_trunc('month', it.to_day + 1)::date AS after_months
        FROM ${items} it
    ),
    month_rows AS ${strategy === 'many' ? 'MATERIALIZED' : 'NOT MATERIALIZED'} (SELECT * FROM ${months} m),
    day_rows AS ${strategy === 'many' ? 'MATERIALIZED' : 'NOT MATERIALIZED'} (SELECT * FROM ${days} d)
    SELECT x.id, sum(x.quantity) AS quantity, sum(x.amount) AS amount FROM (
      SELECT b.id, pv.quantity, pv.amount
        FROM bounds b
        JOIN month_rows pv
          ON pv.institution_id = b.institution_id AND pv.product_id = b.product_id
         AND pv.month >= b.first_month AND pv.month < b.after_months
      UNION ALL
      SELECT b.id, pd.quantity, pd.amount
        FROM bounds b
        JOIN day_rows pd
          ON pd.institution_id = b.institution_id AND pd.product_id = b.product_id
         AND pd.day BETWEEN b.from_day AND b.to_day
         AND (pd.day < b.first_month OR pd.day >= b.after_months)
    ) x GROUP BY x.id
  )`;
}
