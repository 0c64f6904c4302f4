import { errors } from '../../shared/errors';
import { pageRequest, PageInput, toPage } from '../../shared/graphql/pagination';
import { requireId, requireRegionCode } from '../../shared/validation';
import { regionLikePattern } from '../../shared/region';
import type { ProcurementContext } from '../context';
import { Institution } from './institution.entity';
import { scopeInstitutions } from './institution.scope';

/** Institutions in a region (and below it), within what the caller may see. */
export async function listInstitutions(ctx: ProcurementContext, regionCode: string | undefined, page: PageInput | undefined) {
  const request = pageRequest(page);
  const qb = ctx.db.getRepository(Institution).createQueryBuilder('i').orderBy('i.id').limit(request.limit + 1);
  scopeInstitutions(qb, 'i', ctx.identity!);
  if (regionCode !== undefined) qb.andWhere('i.region_code LIKE :region', { region: regionLikePattern(requireRegionCode(regionCode)) });
  if (request.afterKey) qb.andWhere('i.id > :after', { after: requireId(request.afterKey, 'after') });
  return toPage(await qb.getMany(), request, (i) => i.id);
}

/** One institution; another organisation's id answers exactly like a missing one. */
export async function getInstitution(ctx: ProcurementContext, id: string): Promise<Institution> {
  const institution = await ctx.loaders.institutionById.load(requireId(id));
  if (!institution) throw errors.notFound('Institution', id);
  return institution;
}
