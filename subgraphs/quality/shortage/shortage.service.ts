import { errors } from '../../shared/errors';
import { pageRequest, PageInput, toPage } from '../../shared/graphql/pagination';
import { parseIsoDate, todayInChina } from '../../shared/graphql/scalars';
import { regionChain, regionLikePattern } from '../../shared/region';
import { requireId, requireRegionCode } from '../../shared/validation';
import type { QualityContext } from '../context';
import { requireJurisdiction, requireReadableRegion } from '../jurisdiction';
import { ShortageReason, ShortageWarning, ShortageWatchEntry, WatchListChange } from './shortage.entity';
import type { UpdateShortageWatchListInput } from './shortage.input';

/** a health or market regulator puts a product on a watch list for its region, or takes it off. */
export async function updateShortageWatchList(ctx: QualityContext, input: UpdateShortageWatchListInput): Promise<ShortageWatchEntry> {
  const identity = ctx.identity!;
  const productId = requireId(input.productId, 'productId');
  const regionCode = requireRegionCode(input.regionCode);
  requireJurisdiction(identity, regionCode);
  return ctx.db.transaction(async (tx) => {
    if (input.change === WatchListChange.ADD) {
      const addedOn = todayInChina();
      const [row] = await tx.query(
        `INSERT INTO quality.shortage_watch (product_id, list, region_code, added_on, changed_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (product_id, list, region_code) DO UPDATE SET changed_by = quality.shortage_watch.changed_by
         RETURNING added_on::text AS "addedOn"`,
        [productId, input.list, regionCode, addedOn, identity.subject],
      );
      return { productId, list: input.list, regionCode, addedOn: row.addedOn, watched: true };
    }
    const [, removed] = await tx.query('DELETE FROM quality.shortage_watch WHERE product_id = $1 AND list = $2 AND region_code = $3', [productId, input.list, regionCode]);
    if (removed !== 1) throw errors.notFound('ShortageWatchEntry', `${productId}:${input.list}:${regionCode}`);
    return { productId, list: input.list, regionCode, addedOn: null, watched: false };
  });
}

/** The watch-list entries that apply to a region (set there or above) or to part of it (set below). */
export async function listWatchEntries(ctx: QualityContext, regionCodeArg: string, page: PageInput | undefined) {
  const regionCode = requireRegionCode(regionCodeArg);
  requireReadableRegion(ctx.identity!, regionCode);
  const request = pageRequest(page);
  const params: unknown[] = [regionChain(regionCode), regionLikePattern(regionCode), request.limit + 1];
  let after = '';
  if (request.afterKey) {
    params.push(request.afterKey);
    after = `AND (product_id::text || ':' || list || ':' || region_code) > $4`;
  }
  const rows: ShortageWatchEntry[] = await ctx.db.query(
    `SELECT product_id AS "productId", list, region_code AS "regionCode", added_on::text AS "addedOn", true AS watched
       FROM quality.shortage_watch WHERE (region_code = ANY($1) OR region_code LIKE $2) ${after}
      ORDER BY product_id::text || ':' || list || ':' || region_code LIMIT $3`,
    params,
  );
  return toPage(rows, request, (e) => `${e.productId}:${e.list}:${e.regionCode}`);
}

/**
 * Q-06 early warnings for a region on a date: each product watched for the region whose reported stock
 * (the region and below; none reported counts as none) is below one month of need, or whose production
 * stop covers the region. Need is the agreed volumes' monthly run rate for the contract year in force,
 * or without agreed volumes the average monthly quantity ordered in the last three full months.
 */
export async function shortageWarnings(ctx: QualityContext, regionCodeArg: string, on: string | undefined, page: PageInput | undefined) {
  const regionCode = requireRegionCode(regionCodeArg);
  const day = on === undefined || on === null ? todayInChina() : parseIsoDate(on);
  requireReadableRegion(ctx.identity!, regionCode);
  const request = pageRequest(page);
  const after = request.afterKey === undefined ? null : requireId(request.afterKey, 'after');
  const rows = await ctx.db.query(
    `WITH watched AS (
       SELECT product_id, array_agg(DISTINCT list ORDER BY list) AS lists FROM quality.shortage_watch
        WHERE (region_code = ANY($1) OR region_code LIKE $2) AND added_on <= $3::date GROUP BY product_id),
     stock AS (
       -- The region's total over every enterprise; institutions see no stock row (row-level security).
       SELECT product_id, on_hand FROM quality.regional_stock_on_hand($2, ARRAY(SELECT product_id FROM watched))),
     agreed AS (
       SELECT product_id, ceil(sum(quantity) / 12.0) AS need FROM quality.agreed_volume
        WHERE institution_region_code LIKE $2 AND contract_year_start <= $3::date AND contract_year_end >= $3::date
          AND product_id IN (SELECT product_id FROM watched) GROUP BY product_id),
     sales AS (
       SELECT product_id, ceil(sum(quantity) / 3.0) AS need FROM quality.sale_line
        WHERE region_code LIKE $2 AND sales_month >= date_trunc('month', $3::date) - interval '3 months' AND sales_month < date_trunc('month', $3::date)
          AND product_id IN (SELECT product_id FROM watched) GROUP BY product_id),
     stops AS (
       SELECT product_id, json_agg(json_build_object('reason', reason, 'stoppedFrom', stopped_from::text, 'expectedResumeOn', expected_resume_on::text, 'enterpriseId', enterprise_id) ORDER BY stopped_from, report_id) AS stops
         FROM quality.production_stop
        WHERE stopped_from <= $3::date AND (expected_resume_on IS NULL OR expected_resume_on > $3::date)
          AND EXISTS (SELECT 1 FROM unnest(region_codes) rc WHERE rc = ANY($1) OR rc LIKE $2)
          AND product_id IN (SELECT product_id FROM watched) GROUP BY product_id)
     SELECT w.product_id AS "productId", w.lists, coalesce(s.on_hand, 0)::bigint AS "stockOnHand",
            coalesce(a.need, sa.need, 0)::bigint AS "monthlyNeed", CASE WHEN a.need IS NOT NULL THEN 'AGREED_VOLUMES' ELSE 'RECENT_SALES' END AS "needBasis",
            coalesce(st.stops, '[]'::json) AS "productionStops"
       FROM watched w LEFT JOIN stock s USING (product_id) LEFT JOIN agreed a USING (product_id) LEFT JOIN sales sa USING (product_id) LEFT JOIN stops st USING (product_id)
      -- Only products with a reason to warn, so that a page holds warnings, not watched products.
      WHERE ((coalesce(a.need, sa.need, 0) > 0 AND coalesce(s.on_hand, 0) < coalesce(a.need, sa.need, 0)) OR st.stops IS NOT NULL)
        AND ($4::uuid IS NULL OR w.product_id > $4::uuid)
      ORDER BY w.product_id LIMIT $5`,
    [regionChain(regionCode), regionLikePattern(regionCode), day, after, request.limit + 1],
  );
  const warnings: ShortageWarning[] = [];
  for (const r of rows) {
    const stockOnHand = Number(r.stockOnHand);
    const monthlyNeed = Number(r.monthlyNeed);
    const reasons: ShortageReason[] = [];
    if (monthlyNeed > 0 && stockOnHand < monthlyNeed) reasons.push(ShortageReason.STOCK_BELOW_NEED);
    if (r.productionStops.length > 0) reasons.push(ShortageReason.PRODUCTION_STOPPED);
    warnings.push({ productId: r.productId, regionCode, lists: r.lists, reasons, stockOnHand, monthlyNeed, needBasis: r.needBasis, productionStops: r.productionStops });
  }
  return toPage(warnings, request, (w) => w.productId);
}
