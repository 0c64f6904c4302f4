import { errors } from '../../shared/errors';
import { MAX_PAGE_SIZE, pageRequest, PageInput, toPage } from '../../shared/graphql/pagination';
import { regionLikePattern } from '../../shared/region';
import { requireId, requireRegionCode } from '../../shared/validation';
import type { QualityContext } from '../context';
import { Inspection } from './inspection.entity';
import type { InspectionFilter } from './inspection.input';
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
  if (!Number.isInteger(last) || last < 1 || last > MAX_PAGE_SIZE) {
    throw errors.badInput(`last must be between 1 and ${MAX_PAGE_SIZE}`, { field: 'last' });
  }
  return ctx.loaders.latestInspections(last).load(productId);
}
