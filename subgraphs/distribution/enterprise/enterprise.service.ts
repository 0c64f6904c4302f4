import { errors } from '../../shared/errors';
import { pageRequest, PageInput, toPage } from '../../shared/graphql/pagination';
import { regionLikePattern } from '../../shared/region';
import { requireId, requireRegionCode } from '../../shared/validation';
import type { DistributionContext } from '../context';
import { Enterprise } from './enterprise.entity';
import type { EnterpriseFilter } from './enterprise.input';

/** The enterprise directory (D-01), filtered and paginated. */
export async function listEnterprises(ctx: DistributionContext, filter: EnterpriseFilter | undefined, page: PageInput | undefined) {
  const request = pageRequest(page);
  const qb = ctx.db.getRepository(Enterprise).createQueryBuilder('e').orderBy('e.id').limit(request.limit + 1);
  if (filter?.regionCode !== undefined) qb.andWhere('e.region_code LIKE :region', { region: regionLikePattern(requireRegionCode(filter.regionCode)) });
  if (filter?.isManufacturer !== undefined) qb.andWhere('e.is_manufacturer = :m', { m: filter.isManufacturer });
  if (filter?.isDistributor !== undefined) qb.andWhere('e.is_distributor = :d', { d: filter.isDistributor });
  if (request.afterKey) qb.andWhere('e.id > :after', { after: requireId(request.afterKey, 'after') });
  return toPage(await qb.getMany(), request, (e) => e.id);
}

export async function getEnterprise(ctx: DistributionContext, id: string): Promise<Enterprise> {
  const enterprise = await ctx.loaders.enterpriseById.load(requireId(id));
  if (!enterprise) throw errors.notFound('Enterprise', id);
  return enterprise;
}
