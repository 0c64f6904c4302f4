import { randomUUID } from 'node:crypto';
import { Role } from '../../shared/auth/identity';
import type { Identity } from '../../shared/auth/identity';
import { errors } from '../../shared/errors';
import type { ListingActionDecidedV1 } from '../../shared/events/contracts';
import { recordEvent } from '../../shared/events/outbox';
import { pageRequest, PageInput, toPage } from '../../shared/graphql/pagination';
import { decimalText, todayInChina } from '../../shared/graphql/scalars';
import { fetchPolicyVersions, inherit } from '../../shared/policy/jurisdiction-policy';
import { regionChain, regionLikePattern } from '../../shared/region';
import { requireCleanText, requireId, requireRegionCode } from '../../shared/validation';
import type { QualityContext } from '../context';
import { requireJurisdiction, requireReadableRegion, requireRegisteredEnterprise } from '../jurisdiction';
import { sqlParams } from '../sql';
import { FLAG_COLUMNS, PriceRiskAction, PriceRiskBasis, PriceRiskFlag, PriceRiskSignal } from './price-risk.entity';
import type { FlagPriceRiskInput, PriceRiskFlagFilter } from './price-risk.input';

/** The listing actions procurement applies (P-08), as the ListingActionDecided contract names them. */
const LISTING_ACTIONS: Partial<Record<PriceRiskAction, string>> = { [PriceRiskAction.SUSPENSION]: 'SUSPEND', [PriceRiskAction.DELISTING]: 'DELIST' };

/** Flags a caller may see, over alias `f`: regulators their region subtree, a manufacturer its own products' flags. */
function flagScope(identity: Identity, next: (value: unknown) => string): string {
  if (identity.role === Role.REGULATOR) return `f.region_code LIKE ${next(regionLikePattern(identity.region!))}`;
  if (identity.role === Role.MANUFACTURER) return `f.enterprise_id = ${next(identity.org)}`;
  return 'false';
}

/**
 * a red or yellow flag with the action taken and its reason (required). A suspension or delisting
 * is also a decision on the listing (P-08), sent to procurement as ListingActionDecided in the same
 * transaction.
 */
export async function flagPriceRisk(ctx: QualityContext, input: FlagPriceRiskInput): Promise<PriceRiskFlag> {
  const identity = ctx.identity!;
  const productId = requireId(input.productId, 'productId');
  const enterpriseId = requireId(input.enterpriseId, 'enterpriseId');
  const regionCode = requireRegionCode(input.regionCode);
  if (typeof input.reason !== 'string' || input.reason.trim().length === 0) {
    throw errors.badInput('Q-05: a price-risk flag needs a reason', { field: 'reason', rule: 'Q-05' });
  }
  const reason = requireCleanText(input.reason, 'reason', 1000);
  requireJurisdiction(identity, regionCode);
  const flaggedOn = todayInChina();
  return ctx.db.transaction(async (tx) => {
    await requireRegisteredEnterprise(tx, enterpriseId, 'enterpriseId');
    const flag: PriceRiskFlag = { id: randomUUID(), productId, enterpriseId, regionCode, colour: input.colour, basis: input.basis, action: input.action, reason, flaggedOn };
    await tx.query(
      `INSERT INTO quality.price_risk_flag (id, product_id, enterprise_id, region_code, colour, basis, action, reason, flagged_on, flagged_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [flag.id, productId, enterpriseId, regionCode, flag.colour, flag.basis, flag.action, reason, flaggedOn, identity.subject],
    );
    const listingAction = LISTING_ACTIONS[flag.action];
    if (listingAction) {
      await recordEvent<ListingActionDecidedV1>(tx, 'quality', {
        type: 'ListingActionDecided',
        version: 1,
        key: `${productId}:${regionCode}`,
        payload: { flagId: flag.id, productId, regionCode, action: listingAction, colour: flag.colour, reason, decidedAt: new Date().toISOString() },
      });
    }
    ctx.log.info({ flagId: flag.id, action: flag.action }, 'price risk flagged');
    return flag;
  });
}

/** Flags within the caller's scope, filtered, by id. */
export async function listFlags(ctx: QualityContext, filter: PriceRiskFlagFilter | undefined, page: PageInput | undefined) {
  const request = pageRequest(page);
  const { values, next } = sqlParams();
  const where = [flagScope(ctx.identity!, next)];
  if (filter?.regionCode !== undefined && filter.regionCode !== null) where.push(`f.region_code LIKE ${next(regionLikePattern(requireRegionCode(filter.regionCode)))}`);
  if (filter?.productId !== undefined && filter.productId !== null) where.push(`f.product_id = ${next(requireId(filter.productId, 'productId'))}`);
  if (filter?.colour !== undefined && filter.colour !== null) where.push(`f.colour = ${next(filter.colour)}`);
  if (filter?.action !== undefined && filter.action !== null) where.push(`f.action = ${next(filter.action)}`);
  if (request.afterKey) where.push(`f.id > ${next(requireId(request.afterKey, 'after'))}`);
  const rows: PriceRiskFlag[] = await ctx.db.query(`SELECT ${FLAG_COLUMNS} FROM quality.price_risk_flag f WHERE ${where.join(' AND ')} ORDER BY f.id LIMIT ${next(request.limit + 1)}`, values);
  return toPage(rows, request, (f) => f.id);
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The first day of `month` and of the month before it. */
function monthBounds(month: string): { current: string; previous: string } {
  const [y, m] = month.split('-').map(Number);
  const previous = m === 1 ? `${y - 1}-12-01` : `${y}-${String(m - 1).padStart(2, '0')}-01`;
  return { current: `${month}-01`, previous };
}

/** A signal's place in the report: kind, region, product (byte order, the same in SQL and here). */
const signalKey = (s: { basis: string; regionCode: string; productId: string }) => `${s.basis}|${s.regionCode}|${s.productId}`;

/**
 * Q-05 detection from data: products whose sales amount in the asked region grew month on month by more
 * than the growth threshold (from a non-zero base), and listings applying to the region whose price rose
 * at least the threshold number of times within the window. Thresholds are G-style policy data of the
 * region (inherited); a region with none in force gets a BAD_USER_INPUT saying so.
 */
export async function priceRiskSignals(ctx: QualityContext, regionCodeArg: string, monthArg: string | undefined, page: PageInput | undefined) {
  const regionCode = requireRegionCode(regionCodeArg);
  const today = todayInChina();
  const month = monthArg === undefined || monthArg === null ? today.slice(0, 7) : monthArg;
  if (typeof month !== 'string' || !MONTH.test(month)) throw errors.badInput('month must be written YYYY-MM', { field: 'month' });
  requireReadableRegion(ctx.identity!, regionCode);
  const [versions] = await fetchPolicyVersions(ctx.db, 'quality.jurisdiction_policy', [{ regionCode, date: today }]);
  const growthPolicy = inherit(versions, 'price_risk_sales_growth');
  const risesPolicy = inherit(versions, 'price_risk_rises');
  if (!growthPolicy && !risesPolicy) throw errors.badInput(`Q-05: no price-risk thresholds are in force for region ${regionCode}`, { field: 'regionCode', rule: 'Q-05' });
  const request = pageRequest(page);
  const after = request.afterKey ?? '';
  if (after.length > 200) throw errors.badInput('after is not a cursor this API issued', { field: 'after' });
  const signals: PriceRiskSignal[] = [];
  if (growthPolicy) {
    const threshold = decimalText(String(growthPolicy.row.price_risk_sales_growth));
    const { current, previous } = monthBounds(month);
    const rows = await ctx.db.query(
      `SELECT product_id AS "productId", province_code AS "regionCode", prev::text AS "previousSales", cur::text AS "sales", ((cur - prev) / prev)::numeric(20, 4)::text AS growth
         FROM (SELECT product_id, province_code,
                      coalesce(sum(amount) FILTER (WHERE sales_month = $2), 0) AS cur,
                      coalesce(sum(amount) FILTER (WHERE sales_month = $3), 0) AS prev
                 FROM quality.sale_line
                WHERE region_code LIKE $1 AND sales_month IN ($2, $3)
                GROUP BY product_id, province_code) s
        WHERE prev > 0 AND (cur - prev) / prev > $4
          AND ('ABNORMAL_SALES_GROWTH|' || province_code || '|' || product_id::text) COLLATE "C" > $5
        ORDER BY ('ABNORMAL_SALES_GROWTH|' || province_code || '|' || product_id::text) COLLATE "C" LIMIT $6`,
      [regionLikePattern(regionCode), current, previous, threshold, after, request.limit + 1],
    );
    const note = `sales growth above ${threshold} month on month (${growthPolicy.source.document})`;
    for (const r of rows) signals.push({ ...r, basis: PriceRiskBasis.ABNORMAL_SALES_GROWTH, month, priceRises: null, listedPrice: null, threshold: note });
  }
  if (risesPolicy) {
    const rises = Number(risesPolicy.row.price_risk_rises);
    const windowMonths = Number(risesPolicy.row.price_risk_window_months ?? 12);
    const rows = await ctx.db.query(
      `SELECT l.product_id AS "productId", l.region_code AS "regionCode", l.listed_price::text AS "listedPrice", r.rises AS "priceRises"
         FROM quality.listing l
         JOIN (SELECT listing_id, count(*) FILTER (WHERE listed_price > prior AND changed_at >= now() - make_interval(months => $3))::int AS rises
                 FROM (SELECT listing_id, changed_at, listed_price, lag(listed_price) OVER (PARTITION BY listing_id ORDER BY changed_at) AS prior
                         FROM quality.listing_price_change) h
                GROUP BY listing_id) r ON r.listing_id = l.id
        WHERE (l.region_code LIKE $1 OR l.region_code = ANY($2)) AND r.rises >= $4
          AND ('REPEATED_PRICE_RISE|' || l.region_code || '|' || l.product_id::text) COLLATE "C" > $5
        ORDER BY ('REPEATED_PRICE_RISE|' || l.region_code || '|' || l.product_id::text) COLLATE "C" LIMIT $6`,
      [regionLikePattern(regionCode), regionChain(regionCode), windowMonths, rises, after, request.limit + 1],
    );
    const note = `${rises} or more listed-price rises within ${windowMonths} months (${risesPolicy.source.document})`;
    for (const r of rows) signals.push({ ...r, basis: PriceRiskBasis.REPEATED_PRICE_RISE, month: null, previousSales: null, sales: null, growth: null, threshold: note });
  }
  // Each kind was cut at the page size after the cursor; merged in key order, the first page-size + 1 are right.
  signals.sort((a, b) => (signalKey(a) < signalKey(b) ? -1 : signalKey(a) > signalKey(b) ? 1 : 0));
  return toPage(signals.slice(0, request.limit + 1), request, signalKey);
}
