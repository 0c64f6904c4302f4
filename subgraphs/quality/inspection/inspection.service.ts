import { randomUUID } from 'node:crypto';
import { errors } from '../../shared/errors';
import { todayInChina } from '../../shared/graphql/scalars';
import { pageRequest, PageInput, toPage } from '../../shared/graphql/pagination';

/** How many of a product's latest inspections one request may ask for. */
const MAX_LATEST_INSPECTIONS = 100;
import { regionLikePattern } from '../../shared/region';
import { optionalCleanText, requireCleanText, requireId, requireRegionCode } from '../../shared/validation';
import { requireJurisdiction, requireRegisteredEnterprise } from '../jurisdiction';
import type { QualityContext } from '../context';
import { Inspection, InspectionResult } from './inspection.entity';
import type { InspectionFilter, RecordInspectionInput } from './inspection.input';
import { scopeInspections } from './inspection.scope';

/** Inspections within the caller's scope, filtered and paginated. */
export async function listInspections(ctx: QualityContext, filter: InspectionFilter | undefined, page: PageInput | undefined) {
  const request = pageRequest(page);
  const qb = ctx.db.getRepository(Inspection).createQueryBuilder('i').orderBy('i.id').limit(request.limit + 1);
  scopeInspections(qb, 'i', ctx.identity!);
  if (filter?.productId !== undefined) qb.andWhere('i.product_id = :product', { product: requireId(filter.productId, 'productId') });
  if (filter?.regionCode !== undefined) qb.andWhere('i.region_code LIKE :region', { region: regionLikePattern(requireRegionCode(filter.regionCode)) });
  if (filter?.result !== undefined) qb.andWhere('i.result = :result', { result: filter.result });
  if (filter?.samplingStage !== undefined) qb.andWhere('i.sampling_stage = :stage', { stage: filter.samplingStage });
  if (filter?.batchNumber !== undefined && filter.batchNumber !== null) qb.andWhere('i.batch_number = :batch', { batch: requireCleanText(filter.batchNumber, 'batchNumber', 64) });
  if (request.afterKey) qb.andWhere('i.id > :after', { after: requireId(request.afterKey, 'after') });
  return toPage(await qb.getMany(), request, (i) => i.id);
}

/** One inspection; one outside the caller's scope answers exactly like a missing one. */
export async function getInspection(ctx: QualityContext, id: string): Promise<Inspection> {
  const inspection = await ctx.loaders.inspectionById.load(requireId(id));
  if (!inspection) throw errors.notFound('Inspection', id);
  return inspection;
}

/** The latest inspections of a product that the caller may see. */
export function latestInspectionsOf(ctx: QualityContext, productId: string, last: number): Promise<Inspection[]> {
  if (!Number.isInteger(last) || last < 1 || last > MAX_LATEST_INSPECTIONS) {
    throw errors.badInput(`last must be between 1 and ${MAX_LATEST_INSPECTIONS}`, { field: 'last' });
  }
  return ctx.loaders.latestInspections(last).load(productId);
}

/**
 * a market regulator records a sample of a batch at production, distribution or use, in its own
 * jurisdiction; a failed result must say what failed.
 */
export async function recordInspection(ctx: QualityContext, input: RecordInspectionInput): Promise<Inspection> {
  const identity = ctx.identity!;
  const productId = requireId(input.productId, 'productId');
  const manufacturerId = requireId(input.manufacturerId, 'manufacturerId');
  const batchNumber = requireCleanText(input.batchNumber, 'batchNumber', 64);
  const regionCode = requireRegionCode(input.regionCode);
  const sampledAtOrgId = input.sampledAtOrgId === undefined || input.sampledAtOrgId === null ? null : requireId(input.sampledAtOrgId, 'sampledAtOrgId');
  if (input.sampledOn > todayInChina()) throw errors.badInput('sampledOn must not be in the future', { field: 'sampledOn', rule: 'Q-01' });
  const findings = optionalCleanText(input.findings, 'findings', 2000) ?? '';
  if (input.result === InspectionResult.FAILED && findings.length === 0) {
    throw errors.badInput('Q-01: a FAILED inspection must state its findings', { field: 'findings', rule: 'Q-01' });
  }
  requireJurisdiction(identity, regionCode);
  return ctx.db.transaction(async (tx) => {
    await requireRegisteredEnterprise(tx, manufacturerId, 'manufacturerId');
    const inspection = tx.getRepository(Inspection).create({
      id: randomUUID(),
      productId,
      manufacturerId,
      batchNumber,
      samplingStage: input.samplingStage,
      sampledAtOrgId,
      regionCode,
      sampledOn: input.sampledOn,
      result: input.result,
      findings,
    });
    await tx.getRepository(Inspection).insert(inspection);
    await tx.query('UPDATE quality.inspection SET recorded_by = $2 WHERE id = $1', [inspection.id, identity.subject]);
    ctx.log.info({ inspectionId: inspection.id }, 'inspection recorded');
    return inspection;
  });
}
