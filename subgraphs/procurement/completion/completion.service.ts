import { errors } from '../../shared/errors';
import { pageRequest, PageInput, toPage } from '../../shared/graphql/pagination';
import { decimalText, todayInChina } from '../../shared/graphql/scalars';
import { regionLikePattern } from '../../shared/region';
import { requireId, requireRegionCode } from '../../shared/validation';
import { agreedVolumeScope } from '../agreed-volume/agreed-volume.scope';
import type { ProcurementContext } from '../context';
import { purchasedPerItem } from './purchased';
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
 * The agreed volumes in question with their purchases, as CTEs `items` and `progress`. Purchases come
 * from the rollups (never the order lines); `extra` narrows `items` (a page). Lagging compares exact
 * integers: purchased × days in the year < agreed × days elapsed.
 */
function progressSql(scope: string, extra = ''): string {
  return `WITH items AS (
      SELECT av.id, av.institution_id, w.product_id, av.winning_product_id, av.contract_year_start, av.contract_year_end,
             av.contract_year_start AS from_day, $3::date AS to_day, av.quantity, w.winning_price
        FROM procurement.agreed_volume av JOIN procurement.winning_product w ON w.id = av.winning_product_id
       WHERE w.batch_id = $1 AND av.region_code LIKE $2 AND $3::date BETWEEN av.contract_year_start AND av.contract_year_end AND ${scope} ${extra}
    ),
    progress AS (
      SELECT it.*, coalesce(p.quantity, 0) AS purchased,
             ($3::date - it.contract_year_start + 1) AS elapsed_days, (it.contract_year_end - it.contract_year_start + 1) AS year_days,
             coalesce(p.quantity, 0) * (it.contract_year_end - it.contract_year_start + 1) < it.quantity * ($3::date - it.contract_year_start + 1) AS lagging
        FROM items it LEFT JOIN ${purchasedPerItem('items')} p ON p.id = it.id
    )`;
}

/** Aggregates over `progress` rows, amounts at the winning price, rates to 4 places. */
const AGGREGATES = `count(*)::int AS agreed_volumes, count(*) FILTER (WHERE lagging)::int AS lagging_volumes,
  sum(quantity * winning_price)::text AS agreed_amount, sum(purchased * winning_price)::text AS purchased_amount,
  round(sum(purchased * winning_price) / nullif(sum(quantity * winning_price), 0), 4)::text AS completion_rate,
  round(sum(quantity * winning_price * elapsed_days / year_days) / nullif(sum(quantity * winning_price), 0), 4)::text AS expected_rate`;

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
    `${progressSql(scope, 'AND ($5::uuid IS NULL OR av.id > $5) ORDER BY av.id LIMIT $6')}
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
      SELECT DISTINCT av2.institution_id FROM procurement.agreed_volume av2 JOIN procurement.winning_product w2 ON w2.id = av2.winning_product_id
       WHERE w2.batch_id = $1 AND av2.region_code LIKE $2 AND $3::date BETWEEN av2.contract_year_start AND av2.contract_year_end
         AND av2.id IN (SELECT av.id FROM procurement.agreed_volume av WHERE ${scope})
         AND ($5::uuid IS NULL OR av2.institution_id > $5) ORDER BY av2.institution_id LIMIT $6)`;
  const rows: Array<AggregateRow & { institution_id: string }> = await ctx.db.query(
    `${progressSql(scope, pageOfInstitutions)}
     SELECT institution_id, ${AGGREGATES} FROM progress GROUP BY institution_id ORDER BY institution_id`,
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
 * P-05 over the whole region in one GROUP BY, probing the rollups per agreed volume: on the synthetic
 * province of `npm run bench:data` (10 million order lines) that took 0.7–0.9 s for a city and 3.7 s for
 * the province, against 4–7 s and 4–5.5 s reading the months by range.
 */
export async function completionSummary(ctx: ProcurementContext, progress: CompletionProgress): Promise<CompletionSummary> {
  const { scope, params } = baseParams(ctx, progress);
  const [row] = await provinceWide<AggregateRow & { institutions: number; lagging_institutions: number }>(
    ctx,
    `${progressSql(scope)}, per_institution AS (SELECT institution_id, bool_or(lagging) AS lagging FROM progress GROUP BY institution_id)
     SELECT ${AGGREGATES}, (SELECT count(*)::int FROM per_institution) AS institutions,
            (SELECT count(*)::int FROM per_institution WHERE lagging) AS lagging_institutions
       FROM progress`,
    params,
  );
  return Object.assign(new CompletionSummary(), { ...amounts(row), institutions: row.institutions, laggingInstitutions: row.lagging_institutions });
}
