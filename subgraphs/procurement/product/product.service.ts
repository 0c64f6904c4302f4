import { errors } from '../../shared/errors';
import { pageRequest, PageInput, toPage } from '../../shared/graphql/pagination';
import { requireId } from '../../shared/validation';
import type { ProcurementContext } from '../context';
import { requireGenericName } from '../batch/batch.service';
import { Product } from './product.entity';
import type { ProductFilter } from './product.input';

/** Reads of the product catalogue (P-01). */
export async function listProducts(ctx: ProcurementContext, filter: ProductFilter | undefined, page: PageInput | undefined) {
  const request = pageRequest(page);
  const qb = ctx.db.getRepository(Product).createQueryBuilder('p').orderBy('p.id').limit(request.limit + 1);
  if (filter?.genericName !== undefined) qb.andWhere('p.generic_name = :genericName', { genericName: requireGenericName(filter.genericName, 'genericName') });
  if (filter?.manufacturerId !== undefined) qb.andWhere('p.manufacturer_id = :m', { m: requireId(filter.manufacturerId, 'manufacturerId') });
  if (filter?.kind !== undefined) qb.andWhere('p.kind = :kind', { kind: filter.kind });
  if (filter?.genericNameContains != null) {
    qb.andWhere('strpos(lower(p.generic_name), lower(:contains)) > 0', { contains: requireGenericName(filter.genericNameContains, 'genericNameContains') });
  }
  if (filter?.batchId != null) {
    qb.andWhere(
      `EXISTS (SELECT 1 FROM procurement.batch fb WHERE fb.id = :batchId AND fb.kind = p.kind
                 AND (CASE WHEN p.kind = 'DRUG' THEN p.generic_name ELSE p.consumable_category END) = ANY(fb.generic_names))`,
      { batchId: requireId(filter.batchId, 'batchId') },
    );
  }
  if (filter?.winning != null) {
    const won = `EXISTS (SELECT 1 FROM procurement.winning_product fw WHERE fw.product_id = p.id${filter.batchId != null ? ' AND fw.batch_id = :batchId' : ''})`;
    qb.andWhere(filter.winning ? won : `NOT ${won}`);
  }
  if (request.afterKey) qb.andWhere('p.id > :after', { after: requireId(request.afterKey, 'after') });
  return toPage(await qb.getMany(), request, (p) => p.id);
}

export async function getProduct(ctx: ProcurementContext, id: string): Promise<Product> {
  const product = await ctx.loaders.productById.load(requireId(id));
  if (!product) throw errors.notFound('Product', id);
  return product;
}
