import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { errors } from '../../shared/errors';
import type { ProductionStopReportedV1, StockReportedV1 } from '../../shared/events/contracts';
import { recordEvent, recordEvents } from '../../shared/events/outbox';
import { pageRequest, PageInput, toPage } from '../../shared/graphql/pagination';
import { parseIsoDate } from '../../shared/graphql/scalars';
import { regionLikePattern } from '../../shared/region';
import { requestHash, requireId, requireIdempotencyKey, requireRegionCode } from '../../shared/validation';
import type { DistributionContext } from '../context';
import { CapacityReport, ProductionStop, ProductionStopReason, StockLevel, StockReport } from './stock.entity';
import type { EnterpriseReportFilter, ReportCapacityInput, ReportProductionStopInput, ReportStockInput, StockLineInput } from './stock.input';
import { scopeEnterpriseReports } from './stock.scope';

export const MAX_STOCK_LINES = 20_000;
const MAX_LINE_QUANTITY = 1_000_000_000;
/** Summed figures are GraphQL Ints on the way out. */
const MAX_SUMMED_QUANTITY = 2_147_483_647;
const BATCH_NUMBER = /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/;

function requireStockQuantity(value: number | undefined | null, field: string, fallback?: number): number {
  if ((value === undefined || value === null) && fallback !== undefined) return fallback;
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > MAX_LINE_QUANTITY) {
    throw errors.badInput(`D-05: ${field} must be a whole number of units from 0 to ${MAX_LINE_QUANTITY}`, { field, rule: 'D-05' });
  }
  return value as number;
}

/** Columns of a validated report, ready for `unnest`. */
function validateStockLines(lines: StockLineInput[]) {
  if (!Array.isArray(lines) || lines.length < 1 || lines.length > MAX_STOCK_LINES) {
    throw errors.badInput(`D-05: a stock report has 1 to ${MAX_STOCK_LINES} lines`, { field: 'lines', rule: 'D-05' });
  }
  const columns = { productIds: [] as string[], regionCodes: [] as string[], batchNumbers: [] as Array<string | null>, quantities: [] as number[], reserves: [] as number[] };
  const sums = new Map<string, number>();
  lines.forEach((line, i) => {
    const productId = requireId(line.productId, `lines[${i}].productId`);
    const regionCode = requireRegionCode(line.regionCode, `lines[${i}].regionCode`);
    const quantity = requireStockQuantity(line.quantityOnHand, `lines[${i}].quantityOnHand`);
    const reserve = requireStockQuantity(line.emergencyReserve, `lines[${i}].emergencyReserve`, 0);
    if (reserve > quantity) throw errors.badInput(`D-05: lines[${i}].emergencyReserve cannot exceed quantityOnHand`, { field: `lines[${i}].emergencyReserve`, rule: 'D-05' });
    let batchNumber: string | null = null;
    if (line.batchNumber !== undefined && line.batchNumber !== null) {
      if (typeof line.batchNumber !== 'string' || !BATCH_NUMBER.test(line.batchNumber)) {
        throw errors.badInput(`lines[${i}].batchNumber must be 1–40 letters, digits or hyphens`, { field: `lines[${i}].batchNumber` });
      }
      batchNumber = line.batchNumber;
    }
    const key = `${productId}|${regionCode}`;
    const sum = (sums.get(key) ?? 0) + quantity;
    if (sum > MAX_SUMMED_QUANTITY) throw errors.badInput(`D-05: stock of one product in one region may not exceed ${MAX_SUMMED_QUANTITY} units`, { field: `lines[${i}].quantityOnHand`, rule: 'D-05' });
    sums.set(key, sum);
    columns.productIds.push(productId);
    columns.regionCodes.push(regionCode);
    columns.batchNumbers.push(batchNumber);
    columns.quantities.push(quantity);
    columns.reserves.push(reserve);
  });
  return columns;
}

/**
 * D-05: the products × regions an enterprise may NOT report on: it makes a product (a winning product or an
 * ordered one names it as manufacturer) anywhere, or holds it where an active authorisation's pooling region
 * contains the region. One query however many lines.
 */
async function unreportable(tx: Pick<EntityManager, 'query'>, enterpriseId: string, productIds: string[], regionCodes: string[]): Promise<Array<{ product_id: string; region_code: string }>> {
  return tx.query(
    `SELECT x.product_id, x.region_code
       FROM unnest($1::uuid[], $2::text[]) AS x(product_id, region_code)
      WHERE NOT EXISTS (SELECT 1 FROM distribution.winning_product_copy w WHERE w.product_id = x.product_id AND w.manufacturer_id = $3)
        AND NOT EXISTS (SELECT 1 FROM distribution.order_line_copy l WHERE l.product_id = x.product_id AND l.manufacturer_id = $3)
        AND NOT EXISTS (SELECT 1 FROM distribution.distributor_authorization a
                         WHERE a.distributor_id = $3 AND a.product_id = x.product_id AND a.status = 'ACTIVE'
                           AND x.region_code LIKE distribution.region_prefix(a.pooling_region_code) || '%')
      ORDER BY x.product_id, x.region_code
      LIMIT 5`,
    [productIds, regionCodes, enterpriseId],
  );
}

function refuseUnreportable(rows: Array<{ product_id: string; region_code: string }>): void {
  if (rows.length === 0) return;
  const listed = rows.map((r) => `${r.product_id} in ${r.region_code}`).join(', ');
  throw errors.badInput(`D-05: the enterprise neither makes nor is authorised to distribute: ${listed}`, { field: 'productId', rule: 'D-05' });
}

/**
 * D-05: an enterprise's bulk stock report, all-or-nothing in one transaction and a fixed number of statements
 * (arrays through `unnest`, never one INSERT per line). The latest figures per product and region replace the
 * previous ones and are announced, one StockReported event each, so quality can warn of shortages.
 */
export async function reportStock(ctx: DistributionContext, input: ReportStockInput): Promise<StockReport> {
  const idempotencyKey = requireIdempotencyKey(input.idempotencyKey);
  const columns = validateStockLines(input.lines);
  const enterpriseId = ctx.identity!.org!;
  const hash = requestHash(columns);
  return ctx.db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`reportStock:${enterpriseId}:${idempotencyKey}`]);
    const previous = await tx.getRepository(StockReport).findOneBy({ enterpriseId, idempotencyKey });
    if (previous) {
      if (previous.requestHash !== hash) throw errors.conflict('This idempotency key was already used for a different stock report');
      return previous;
    }
    // Each product and region once: a report repeats them per batch, the check need not.
    const pairs = [...new Set(columns.productIds.map((p, i) => `${p}|${columns.regionCodes[i]}`))].map((k) => k.split('|'));
    refuseUnreportable(await unreportable(tx, enterpriseId, pairs.map((p) => p[0]), pairs.map((p) => p[1])));

    const report = tx.getRepository(StockReport).create({ id: randomUUID(), enterpriseId, idempotencyKey, requestHash: hash, lineCount: columns.productIds.length, reportedAt: new Date() });
    await tx.getRepository(StockReport).insert(report);
    await tx.query(
      `INSERT INTO distribution.stock_report_line (report_id, line_no, product_id, region_code, batch_number, quantity_on_hand, emergency_reserve)
       SELECT $1, l.ord, l.product_id, l.region_code, l.batch_number, l.quantity, l.reserve
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::bigint[], $6::bigint[]) WITH ORDINALITY AS l(product_id, region_code, batch_number, quantity, reserve, ord)`,
      [report.id, columns.productIds, columns.regionCodes, columns.batchNumbers, columns.quantities, columns.reserves],
    );
    const levels: Array<{ product_id: string; region_code: string; quantity_on_hand: string; emergency_reserve: string }> = await tx.query(
      `INSERT INTO distribution.stock_level (enterprise_id, product_id, region_code, quantity_on_hand, emergency_reserve, report_id, reported_at)
       SELECT $1, product_id, region_code, sum(quantity_on_hand), sum(emergency_reserve), $2, $3
         FROM distribution.stock_report_line WHERE report_id = $2 GROUP BY product_id, region_code
       ON CONFLICT (enterprise_id, product_id, region_code) DO UPDATE
         SET quantity_on_hand = EXCLUDED.quantity_on_hand, emergency_reserve = EXCLUDED.emergency_reserve, report_id = EXCLUDED.report_id, reported_at = EXCLUDED.reported_at
       RETURNING product_id, region_code, quantity_on_hand, emergency_reserve`,
      [enterpriseId, report.id, report.reportedAt],
    );
    const reportedAt = report.reportedAt.toISOString();
    await recordEvents<StockReportedV1>(
      tx,
      'distribution',
      levels.map((l) => ({
        type: 'StockReported',
        version: 1,
        key: `${enterpriseId}:${l.product_id}:${l.region_code}`,
        payload: { enterpriseId, productId: l.product_id, regionCode: l.region_code, quantityOnHand: Number(l.quantity_on_hand), emergencyReserve: Number(l.emergency_reserve), reportedAt },
      })),
    );
    ctx.log.info({ reportId: report.id, lines: report.lineCount, levels: levels.length }, 'stock reported');
    return report;
  });
}

/** D-05: a manufacturer's monthly capacity for a product it makes; the latest report replaces the previous. */
export async function reportCapacity(ctx: DistributionContext, input: ReportCapacityInput): Promise<CapacityReport> {
  const productId = requireId(input.productId, 'productId');
  const regionCode = requireRegionCode(input.regionCode);
  if (!Number.isInteger(input.monthlyCapacity) || input.monthlyCapacity < 1 || input.monthlyCapacity > MAX_LINE_QUANTITY) {
    throw errors.badInput(`D-05: monthlyCapacity must be a whole number of units from 1 to ${MAX_LINE_QUANTITY} (report a stop with reportProductionStop)`, { field: 'monthlyCapacity', rule: 'D-05' });
  }
  const enterpriseId = ctx.identity!.org!;
  return ctx.db.transaction(async (tx) => {
    refuseUnreportable(await unmade(tx, enterpriseId, productId));
    const report = tx.getRepository(CapacityReport).create({ enterpriseId, productId, regionCode, monthlyCapacity: input.monthlyCapacity, reportedAt: new Date() });
    await tx.getRepository(CapacityReport).upsert(report, ['enterpriseId', 'productId']);
    ctx.log.info({ productId }, 'capacity reported');
    return report;
  });
}

/** D-05 for manufacturers only: a product it makes (distributing it is not enough to report capacity or a stop). */
async function unmade(tx: Pick<EntityManager, 'query'>, enterpriseId: string, productId: string): Promise<Array<{ product_id: string; region_code: string }>> {
  const [made] = await tx.query(
    `SELECT EXISTS (SELECT 1 FROM distribution.winning_product_copy WHERE product_id = $1 AND manufacturer_id = $2)
         OR EXISTS (SELECT 1 FROM distribution.order_line_copy WHERE product_id = $1 AND manufacturer_id = $2) AS made`,
    [productId, enterpriseId],
  );
  return made.made ? [] : [{ product_id: productId, region_code: 'any region' }];
}

/** D-05: a production stop report (停产报告), announced so quality can raise shortage warnings. */
export async function reportProductionStop(ctx: DistributionContext, input: ReportProductionStopInput): Promise<ProductionStop> {
  const productId = requireId(input.productId, 'productId');
  if (!Array.isArray(input.regionCodes) || input.regionCodes.length < 1 || input.regionCodes.length > 50) {
    throw errors.badInput('D-05: regionCodes lists 1 to 50 regions', { field: 'regionCodes', rule: 'D-05' });
  }
  const regionCodes = [...new Set(input.regionCodes.map((c, i) => requireRegionCode(c, `regionCodes[${i}]`)))];
  if (!Object.values(ProductionStopReason).includes(input.reason)) throw errors.badInput('reason is not a known production stop reason', { field: 'reason' });
  let details: string | null = null;
  if (input.details !== undefined && input.details !== null) {
    details = typeof input.details === 'string' ? input.details.trim() : '';
    if (details.length < 1 || details.length > 500 || /[\u0000-\u001f\u202e]/.test(details)) throw errors.badInput('details must be 1 to 500 printable characters', { field: 'details' });
  }
  const stoppedFrom = parseIsoDate(input.stoppedFrom);
  const expectedResumeOn = input.expectedResumeOn === undefined || input.expectedResumeOn === null ? null : parseIsoDate(input.expectedResumeOn);
  if (expectedResumeOn !== null && expectedResumeOn < stoppedFrom) throw errors.badInput('expectedResumeOn cannot be before stoppedFrom', { field: 'expectedResumeOn' });
  const enterpriseId = ctx.identity!.org!;
  return ctx.db.transaction(async (tx) => {
    refuseUnreportable(await unmade(tx, enterpriseId, productId));
    const stop = tx.getRepository(ProductionStop).create({ id: randomUUID(), enterpriseId, productId, regionCodes, reason: input.reason, details, stoppedFrom, expectedResumeOn, reportedAt: new Date() });
    await tx.getRepository(ProductionStop).insert(stop);
    await recordEvent<ProductionStopReportedV1>(tx, 'distribution', {
      type: 'ProductionStopReported',
      version: 1,
      key: `${enterpriseId}:${productId}`,
      payload: { reportId: stop.id, enterpriseId, productId, regionCodes, reason: stop.reason, stoppedFrom, expectedResumeOn, reportedAt: stop.reportedAt.toISOString() },
    });
    ctx.log.info({ reportId: stop.id, productId }, 'production stop reported');
    return stop;
  });
}

/** Splits a composite cursor into its parts, refusing one this API did not issue. */
function cursorParts(afterKey: string, count: number): string[] {
  const parts = afterKey.split('|');
  if (parts.length !== count) throw errors.badInput('after is not a cursor this API issued', { field: 'after' });
  return parts;
}

/** Stock levels within the caller's scope; `reservesOnly` lists just those holding an emergency reserve. */
export async function listStockLevels(ctx: DistributionContext, filter: EnterpriseReportFilter | undefined, page: PageInput | undefined, reservesOnly = false) {
  const request = pageRequest(page);
  const qb = ctx.db.getRepository(StockLevel).createQueryBuilder('s').orderBy('s.enterprise_id').addOrderBy('s.product_id').addOrderBy('s.region_code').limit(request.limit + 1);
  scopeEnterpriseReports(qb, 's', ctx.identity!, { column: 'region_code' });
  if (reservesOnly) qb.andWhere('s.emergency_reserve > 0');
  if (filter?.productId != null) qb.andWhere('s.product_id = :productId', { productId: requireId(filter.productId, 'productId') });
  if (filter?.enterpriseId != null) qb.andWhere('s.enterprise_id = :enterpriseId', { enterpriseId: requireId(filter.enterpriseId, 'enterpriseId') });
  if (filter?.regionCode != null) qb.andWhere('s.region_code LIKE :fr', { fr: regionLikePattern(requireRegionCode(filter.regionCode)) });
  if (request.afterKey) {
    const [e, p, r] = cursorParts(request.afterKey, 3);
    qb.andWhere('(s.enterprise_id, s.product_id, s.region_code) > (:ae, :ap, :ar)', { ae: requireId(e, 'after'), ap: requireId(p, 'after'), ar: requireRegionCode(r, 'after') });
  }
  return toPage(await qb.getMany(), request, (s) => `${s.enterpriseId}|${s.productId}|${s.regionCode}`);
}

/** Capacity reports within the caller's scope. */
export async function listCapacityReports(ctx: DistributionContext, filter: EnterpriseReportFilter | undefined, page: PageInput | undefined) {
  const request = pageRequest(page);
  const qb = ctx.db.getRepository(CapacityReport).createQueryBuilder('c').orderBy('c.enterprise_id').addOrderBy('c.product_id').limit(request.limit + 1);
  scopeEnterpriseReports(qb, 'c', ctx.identity!, { column: 'region_code' });
  if (filter?.productId != null) qb.andWhere('c.product_id = :productId', { productId: requireId(filter.productId, 'productId') });
  if (filter?.enterpriseId != null) qb.andWhere('c.enterprise_id = :enterpriseId', { enterpriseId: requireId(filter.enterpriseId, 'enterpriseId') });
  if (filter?.regionCode != null) qb.andWhere('c.region_code LIKE :fr', { fr: regionLikePattern(requireRegionCode(filter.regionCode)) });
  if (request.afterKey) {
    const [e, p] = cursorParts(request.afterKey, 2);
    qb.andWhere('(c.enterprise_id, c.product_id) > (:ae, :ap)', { ae: requireId(e, 'after'), ap: requireId(p, 'after') });
  }
  return toPage(await qb.getMany(), request, (c) => `${c.enterpriseId}|${c.productId}`);
}

/** Production stop reports within the caller's scope. */
export async function listProductionStops(ctx: DistributionContext, filter: EnterpriseReportFilter | undefined, page: PageInput | undefined) {
  const request = pageRequest(page);
  const qb = ctx.db.getRepository(ProductionStop).createQueryBuilder('p').orderBy('p.id').limit(request.limit + 1);
  scopeEnterpriseReports(qb, 'p', ctx.identity!, { column: 'region_codes', isArray: true });
  if (filter?.productId != null) qb.andWhere('p.product_id = :productId', { productId: requireId(filter.productId, 'productId') });
  if (filter?.enterpriseId != null) qb.andWhere('p.enterprise_id = :enterpriseId', { enterpriseId: requireId(filter.enterpriseId, 'enterpriseId') });
  if (filter?.regionCode != null) {
    qb.andWhere('EXISTS (SELECT 1 FROM unnest(p.region_codes) fr WHERE fr LIKE :fr)', { fr: regionLikePattern(requireRegionCode(filter.regionCode)) });
  }
  if (request.afterKey) qb.andWhere('p.id > :after', { after: requireId(request.afterKey, 'after') });
  return toPage(await qb.getMany(), request, (p) => p.id);
}
