import { errors } from '../../shared/errors';
import { pageRequest, PageInput, toPage } from '../../shared/graphql/pagination';
import { requireId, requireText } from '../../shared/validation';
import type { ProcurementContext } from '../context';
import { Product } from './product.entity';
import type { ProductFilter } from './product.input';

/** Reads of the product catalogue (P-01). */
export async function listProducts(ctx: ProcurementContext, filter: ProductFilter | undefined, page: PageInput | undefined) {
  const request = pageRequest(page);
  const qb = ctx.db.getRepository(Product).createQueryBuilder('p').orderBy('p.id').limit(request.limit + 1);
  if (filter?.genericName !== undefined) qb.andWhere('p.generic_name = :genericName', { genericName: requireText(filter.genericName, 'genericName') });
  if (filter?.manufacturerId !== undefined) qb.andWhere('p.manufacturer_id = :m', { m: requireId(filter.manufacturerId, 'manufacturerId') });
  if (filter?.kind !== undefined) qb.andWhere('p.kind = :kind', { kind: filter.kind });
  if (request.afterKey) qb.andWhere('p.id > :after', { after: requireId(request.afterKey, 'after') });
  return toPage(await qb.getMany(), request, (p) => p.id);
}

export async function getProduct(ctx: ProcurementContext, id: string): Promise<Product> {
  const product = await ctx.loaders.productById.load(requireId(id));
  if (!product) throw errors.notFound('Product', id);
  return product;
}
