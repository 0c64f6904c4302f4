/** Anything that runs SQL. */
interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** One kind's purchases of an institution in a calendar year: through the platform and filed (P-07, P-11). */
export interface AnnualPurchases {
  kind: 'DRUG' | 'CONSUMABLE';
  /** Order lines of the year's orders that were not cancelled, exact decimal text. */
  platformAmount: string;
  /** Distinct drugs bought through the platform in the year: the regular varieties (常备药品) P-07 measures against. */
  platformVarieties: number;
  /** Every filed purchase of the year. */
  filedAmount: string;
  /** Filed purchases that count towards the caps (not exempt). */
  cappedFiledAmount: string;
  cappedFiledVarieties: number;
}

/**
 * The year's purchases by kind, summed in SQL. A year is a China calendar year: orders by the day they
 * were placed in China, filed purchases by the day of purchase.
 */
export async function annualPurchases(db: Queryable, institutionId: string, year: number): Promise<AnnualPurchases[]> {
  return db.query(
    `WITH platform AS (
       SELECT p.kind, sum(l.amount) AS amount, count(DISTINCT l.product_id) AS varieties
         FROM procurement.purchase_order o
         JOIN procurement.order_line l ON l.order_id = o.id
         JOIN procurement.product p ON p.id = l.product_id
        WHERE o.institution_id = $1 AND o.state <> 'CANCELLED'
          AND o.placed_at >= make_date($2, 1, 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
          AND o.placed_at < make_date($2 + 1, 1, 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
        GROUP BY p.kind),
     filed AS (
       SELECT kind, sum(amount) AS amount, sum(amount) FILTER (WHERE exemption = 'NONE') AS capped_amount,
              count(DISTINCT coalesce(product_id::text, lower(product_description))) FILTER (WHERE exemption = 'NONE') AS capped_varieties
         FROM procurement.filed_purchase
        WHERE institution_id = $1 AND purchased_on >= make_date($2, 1, 1) AND purchased_on < make_date($2 + 1, 1, 1)
        GROUP BY kind)
     SELECT k.kind,
            coalesce(pl.amount, 0)::text AS "platformAmount", coalesce(pl.varieties, 0)::int AS "platformVarieties",
            coalesce(f.amount, 0)::text AS "filedAmount", coalesce(f.capped_amount, 0)::text AS "cappedFiledAmount",
            coalesce(f.capped_varieties, 0)::int AS "cappedFiledVarieties"
       FROM (VALUES ('DRUG'), ('CONSUMABLE')) AS k(kind)
       LEFT JOIN platform pl USING (kind)
       LEFT JOIN filed f USING (kind)
      ORDER BY k.kind DESC`,
    [institutionId, year],
  );
}
