import { randomUUID } from 'node:crypto';
import { errors } from '../../shared/errors';
import { pageRequest, PageInput, toPage } from '../../shared/graphql/pagination';
import { decimalText, todayInChina } from '../../shared/graphql/scalars';
import { regionChain, regionLikePattern } from '../../shared/region';
import { requireCleanText, requireId, requirePositiveAmount, requireRegionCode } from '../../shared/validation';
import type { QualityContext } from '../context';
import { requireReadableRegion } from '../jurisdiction';
import { EXTERNAL_PRICE_COLUMNS, ExternalLowestPrice, ListingAboveExternalLowest } from './price-linkage.entity';
import type { RecordExternalLowestPriceInput } from './price-linkage.input';

/** records the lowest price listed in another province; one observation per product, province and day. */
export async function recordExternalLowestPrice(ctx: QualityContext, input: RecordExternalLowestPriceInput): Promise<ExternalLowestPrice> {
  const productId = requireId(input.productId, 'productId');
  const provinceCode = requireRegionCode(input.provinceCode, 'provinceCode');
  if (!/^[0-9]{2}0000$/.test(provinceCode) || provinceCode === '000000') throw errors.badInput('provinceCode must be a province (PP0000)', { field: 'provinceCode', rule: 'Q-07' });
  const price = requirePositiveAmount(input.price, 'price');
  if (price.decimalPlaces() > 4) throw errors.badInput('price has at most 4 decimal places', { field: 'price' });
  if (input.observedOn > todayInChina()) throw errors.badInput('observedOn must not be in the future', { field: 'observedOn' });
  const source = requireCleanText(input.source, 'source', 300);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.query(
      `INSERT INTO quality.external_lowest_price (id, product_id, province_code, price, observed_on, source, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (product_id, province_code, observed_on) DO NOTHING RETURNING id`,
      [randomUUID(), productId, provinceCode, decimalText(price), input.observedOn, source, ctx.identity!.subject],
    );
    if (!row) throw errors.conflict(`Q-07: a price of this product in ${provinceCode} on ${input.observedOn} is already recorded`, { rule: 'Q-07' });
    const [recorded] = await tx.query(`SELECT ${EXTERNAL_PRICE_COLUMNS} FROM quality.external_lowest_price x WHERE x.id = $1`, [row.id]);
    return recorded;
  });
}

/** Recorded external prices, optionally of one product, by id. */
export async function listExternalPrices(ctx: QualityContext, productIdArg: string | undefined, page: PageInput | undefined) {
  const request = pageRequest(page);
  const params: unknown[] = [request.limit + 1];
  const where: string[] = ['true'];
  if (productIdArg !== undefined && productIdArg !== null) {
    params.push(requireId(productIdArg, 'productId'));
    where.push(`x.product_id = $${params.length}`);
  }
  if (request.afterKey) {
    params.push(requireId(request.afterKey, 'after'));
    where.push(`x.id > $${params.length}`);
  }
  const rows: ExternalLowestPrice[] = await ctx.db.query(`SELECT ${EXTERNAL_PRICE_COLUMNS} FROM quality.external_lowest_price x WHERE ${where.join(' AND ')} ORDER BY x.id LIMIT $1`, params);
  return toPage(rows, request, (x) => x.id);
}

/**
 * active listings that bind the region (there or above) or part of it (below), priced above the
 * lowest price of the same product in another province (the latest observation of each province).
 */
export async function listingsAboveExternalLowest(ctx: QualityContext, regionCodeArg: string, page: PageInput | undefined) {
  const regionCode = requireRegionCode(regionCodeArg);
  requireReadableRegion(ctx.identity!, regionCode);
  const request = pageRequest(page);
  const after = request.afterKey === undefined ? null : requireId(request.afterKey, 'after');
  const rows: ListingAboveExternalLowest[] = await ctx.db.query(
    `WITH latest AS (
       SELECT DISTINCT ON (product_id, province_code) product_id, province_code, price, observed_on
         FROM quality.external_lowest_price ORDER BY product_id, province_code, observed_on DESC)
     SELECT l.product_id AS "productId", l.id AS "listingId", l.region_code AS "regionCode", l.listed_price::text AS "listedPrice",
            low.price::text AS "lowestPrice", low.province_code AS "lowestProvinceCode", low.observed_on::text AS "observedOn",
            (l.listed_price - low.price)::text AS excess
       FROM quality.listing l
       CROSS JOIN LATERAL (
         SELECT price, province_code, observed_on FROM latest
          WHERE latest.product_id = l.product_id AND latest.province_code <> substr(l.region_code, 1, 2) || '0000'
          ORDER BY price, province_code LIMIT 1) low
      WHERE (l.region_code LIKE $1 OR l.region_code = ANY($2)) AND l.status IN ('LISTED', 'RESTORED') AND l.listed_price > low.price
        AND ($3::uuid IS NULL OR l.id > $3::uuid)
      ORDER BY l.id LIMIT $4`,
    [regionLikePattern(regionCode), regionChain(regionCode), after, request.limit + 1],
  );
  return toPage(rows, request, (r) => r.listingId);
}
