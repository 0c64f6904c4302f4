import { errors } from '../../shared/errors';
import { pageRequest, PageInput, toPage } from '../../shared/graphql/pagination';
import { decimalText, todayInChina } from '../../shared/graphql/scalars';
import { regionLikePattern, regionRangeSql } from '../../shared/region';
import { requireId, requireRegionCode } from '../../shared/validation';
import { agreedVolumeScope } from '../agreed-volume/agreed-volume.scope';
import type { ProcurementContext } from '../context';
import { purchasedBetween } from './purchased';
import { CompletionItem, CompletionProgress, CompletionSummary, InstitutionCompletion, InstitutionCompletionConnection } from './completion.type';

/** What one completion question is about: $1 batch, $2 region pattern, $3 the day, $4 the caller's scope key. */
interface Question {
  batchId: string;
  regionCode: string;
  asOf: string;
}

function baseParams(ctx: ProcurementContext, q: Question) {
  const scope = agreedVolumeScope(ctx.identity!, '$4');
  return { scope: scope.clause, params: [q.batchId, regionLikePattern(q.regionCode), q.asOf, scope.value] as unknown[] };
}

/**
 * The agreed volumes in question with their purchases, as CTE `progress`; `filter` narrows them and
 * `page` (ORDER BY … LIMIT) takes one page of them. Every agreed volume's purchases over its whole
 * contract year are kept by triggers in `agreed_volume_purchase`, with the agreed volume itself (as `av`,
 * so the caller's scope applies), so a province's 80,000 rows go straight from one index into the
 * aggregate. When some were bought after asOf (`boughtLater`; never when asOf is today), those purchases
 * are taken back out from the rollups, for those agreed volumes only. Lagging compares exact integers:
 * purchased × days in the year < agreed × days elapsed.
 */
function progressSql(scope: string, boughtLater: boolean, filter = '', page = ''): string {
  const inQuestion = `av.batch_id = $1 AND ${regionRangeSql('av.region_code', '$2')} AND $3::date BETWEEN av.contract_year_start AND av.contract_year_end AND ${scope} ${filter}`;
  const onPage = page ? `AND av.agreed_volume_id IN (SELECT av.agreed_volume_id FROM procurement.agreed_volume_purchase av WHERE ${inQuestion} ${page})` : '';
  const purchased = boughtLater ? 'av.purchased_quantity - coalesce(later.quantity, 0)' : 'av.purchased_quantity';
  const later = boughtLater
    ? `bought_later AS MATERIALIZED (
      SELECT av.agreed_volume_id AS id, ${purchasedBetween('av.institution_id', 'av.product_id', '$3::date + 1', 'av.contract_year_end')} AS quantity
        FROM procurement.agreed_volume_purchase av
       WHERE ${inQuestion} AND av.last_purchased_on > $3 ${onPage}
    ),`
    : '';
  return `WITH ${later}
    progress AS (
      SELECT av.agreed_volume_id AS id, av.institution_id, av.winning_product_id, av.contract_year_start, av.contract_year_end, av.agreed_quantity AS quantity,
             ${purchased} AS purchased,
             ($3::date - av.contract_year_start + 1) AS elapsed_days, (av.contract_year_end - av.contract_year_start + 1) AS year_days,
             (${purchased}) * (av.contract_year_end - av.contract_year_start + 1) < av.agreed_quantity * ($3::date - av.contract_year_start + 1) AS lagging
        FROM procurement.agreed_volume_purchase av ${boughtLater ? 'LEFT JOIN bought_later later ON later.id = av.agreed_volume_id' : ''}
       WHERE ${inQuestion} ${page}
    )`;
}

/**
 * Whether any agreed volume of the batch was bought after asOf (one index probe): if none, as whenever
 * asOf is today, no purchase needs taking back out and the aggregate reads the kept counts alone.
 */
async function boughtAfter(ctx: ProcurementContext, q: Question): Promise<boolean> {
  const [row] = await ctx.db.query(
    `SELECT EXISTS (SELECT 1 FROM procurement.agreed_volume_purchase WHERE batch_id = $1 AND last_purchased_on > $2) AS bought`,
    [q.batchId, q.asOf],
  );
  return row.bought;
}

/**
 * Values grouped progress at the winning price, as CTE `valued`: `grouped` names rows with integer sums
 * (agreed_volumes, lagging_volumes, agreed, purchased) per winning product and contract year, so the
 * exact decimal arithmetic runs on a few rows per winning product instead of once per agreed volume.
 */
function valuedSql(grouped: string): string {
  return `valued AS (
      SELECT g.*, g.agreed * w.winning_price AS agreed_amount, g.purchased * w.winning_price AS purchased_amount
        FROM ${grouped} g JOIN procurement.winning_product w ON w.id = g.winning_product_id
    )`;
}

/** The integer sums `valuedSql` values, over `progress` rows. */
const SUMS = `count(*) AS agreed_volumes, count(*) FILTER (WHERE lagging) AS lagging_volumes, sum(quantity) AS agreed, sum(purchased) AS purchased`;

/** Aggregates over `valued` rows: amounts at the winning price, rates to 4 places. */
const AGGREGATES = `coalesce(sum(agreed_volumes), 0)::int AS agreed_volumes, coalesce(sum(lagging_volumes), 0)::int AS lagging_volumes,
  sum(agreed_amount)::text AS agreed_amount, sum(purchased_amount)::text AS purchased_amount,
  round(sum(purchased_amount) / nullif(sum(agreed_amount), 0), 4)::text AS completion_rate,
  round(sum(agreed_amount * elapsed_days / year_days) / nullif(sum(agreed_amount), 0), 4)::text AS expected_rate`;

interface AggregateRow {
  agreed_volumes: number;
  lagging_volumes: number;
  agreed_amount: string | null;
  purchased_amount: string | null;
  completion_rate: string | null;
  expected_rate: string | null;
}

function amounts(row: AggregateRow) {
  return {
    agreedVolumes: row.agreed_volumes,
    laggingVolumes: row.lagging_volumes,
    agreedAmount: decimalText(row.agreed_amount ?? '0'),
    purchasedAmount: decimalText(row.purchased_amount ?? '0'),
    completionRate: row.completion_rate,
    expectedRate: row.expected_rate,
  };
}

/** P-05: one page of per-item progress of a batch in a region, on a day (default today), within the caller's scope. */
export async function completionProgress(ctx: ProcurementContext, batchId: string, regionCode: string, asOf: string | undefined, page: PageInput | undefined): Promise<CompletionProgress> {
  const q: Question = { batchId: requireId(batchId, 'batchId'), regionCode: requireRegionCode(regionCode), asOf: asOf ?? todayInChina() };
  const request = pageRequest(page);
  if (!(await ctx.loaders.batchById.load(q.batchId))) throw errors.notFound('Batch', q.batchId);
  const { scope, params } = baseParams(ctx, q);
  params.push(request.afterKey ? requireId(request.afterKey, 'after') : null, request.limit + 1);
  const rows = await ctx.db.query(
    `${progressSql(scope, await boughtAfter(ctx, q), 'AND ($5::uuid IS NULL OR av.agreed_volume_id > $5)', 'ORDER BY av.agreed_volume_id LIMIT $6')}
     SELECT id, institution_id, winning_product_id, contract_year_start::text AS contract_year_start, contract_year_end::text AS contract_year_end,
            quantity, purchased, lagging, round(($3::date - contract_year_start + 1)::numeric / year_days, 4)::text AS expected_rate,
            CASE WHEN quantity > 0 THEN round(purchased::numeric / quantity, 4)::text END AS completion_rate
       FROM progress ORDER BY id`,
    params,
  );
  const items = rows.map((r: Record<string, unknown>) =>
    Object.assign(new CompletionItem(), {
      agreedVolumeId: r.id,
      institutionId: r.institution_id,
      winningProductId: r.winning_product_id,
      contractYearStart: r.contract_year_start,
      contractYearEnd: r.contract_year_end,
      agreedQuantity: Number(r.quantity),
      purchasedQuantity: Number(r.purchased),
      completionRate: r.completion_rate,
      expectedRate: r.expected_rate,
      lagging: r.lagging,
    }),
  );
  const { nodes, pageInfo } = toPage(items, request, (i: CompletionItem) => i.agreedVolumeId);
  return Object.assign(new CompletionProgress(), { batchId: q.batchId, regionCode: q.regionCode, asOf: q.asOf, nodes, pageInfo });
}

/** P-05 per institution: one page of institutions, each aggregated over its agreed volumes. */
export async function completionByInstitution(ctx: ProcurementContext, progress: CompletionProgress, page: PageInput | undefined): Promise<InstitutionCompletionConnection> {
  const request = pageRequest(page);
  const { scope, params } = baseParams(ctx, progress);
  params.push(request.afterKey ? requireId(request.afterKey, 'after') : null, request.limit + 1);
  const pageOfInstitutions = `AND av.institution_id IN (
      SELECT DISTINCT av2.institution_id FROM procurement.agreed_volume_purchase av2
       WHERE av2.batch_id = $1 AND ${regionRangeSql('av2.region_code', '$2')} AND $3::date BETWEEN av2.contract_year_start AND av2.contract_year_end
         AND av2.agreed_volume_id IN (SELECT av.agreed_volume_id FROM procurement.agreed_volume_purchase av WHERE ${scope})
         AND ($5::uuid IS NULL OR av2.institution_id > $5) ORDER BY av2.institution_id LIMIT $6)`;
  const rows: Array<AggregateRow & { institution_id: string }> = await ctx.db.query(
    `${progressSql(scope, await boughtAfter(ctx, progress), pageOfInstitutions)},
     per_product AS (SELECT institution_id, winning_product_id, elapsed_days, year_days, ${SUMS} FROM progress GROUP BY 1, 2, 3, 4),
     ${valuedSql('per_product')}
     SELECT institution_id, ${AGGREGATES} FROM valued GROUP BY institution_id ORDER BY institution_id`,
    params,
  );
  const nodes = rows.map((r) => Object.assign(new InstitutionCompletion(), { institutionId: r.institution_id, ...amounts(r), lagging: r.lagging_volumes > 0 }));
  return toPage(nodes, request, (n) => n.institutionId);
}

/**
 * Runs a province-wide aggregate with room to hash in memory, and without JIT compilation, whose
 * start-up cost alone would eat most of the P-05 latency budget. The settings last until the request's
 * transaction ends (it is not made read-only: the request's audit row is written in it).
 */
async function provinceWide<T>(ctx: ProcurementContext, sql: string, params: unknown[]): Promise<T[]> {
  return ctx.db.transaction(async (tx) => {
    await tx.query(`SET LOCAL work_mem = '64MB'`);
    await tx.query(`SET LOCAL jit = off`);
    return tx.query(sql, params);
  });
}

/**
 * P-05 over the whole region in one pass over the agreed volumes' kept purchases: grouping sets give the
 * sums per winning product and, at once, whether each institution lags.
 */
export async function completionSummary(ctx: ProcurementContext, progress: CompletionProgress): Promise<CompletionSummary> {
  const { scope, params } = baseParams(ctx, progress);
  const [row] = await provinceWide<AggregateRow & { institutions: number; lagging_institutions: number }>(
    ctx,
    `${progressSql(scope, await boughtAfter(ctx, progress))},
     grouped AS (
       SELECT institution_id, winning_product_id, elapsed_days, year_days, GROUPING(institution_id) = 0 AS per_institution, bool_or(lagging) AS lagging, ${SUMS}
         FROM progress GROUP BY GROUPING SETS ((winning_product_id, elapsed_days, year_days), (institution_id))
     ),
     ${valuedSql('(SELECT * FROM grouped WHERE NOT per_institution)')}
     SELECT ${AGGREGATES}, (SELECT count(*)::int FROM grouped WHERE per_institution) AS institutions,
            (SELECT count(*)::int FROM grouped WHERE per_institution AND lagging) AS lagging_institutions
       FROM valued`,
    params,
  );
  return Object.assign(new CompletionSummary(), { ...amounts(row), institutions: row.institutions, laggingInstitutions: row.lagging_institutions });
}
