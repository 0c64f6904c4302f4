import { errors } from '../../shared/errors';
import { pageRequest, PageInput, toPage } from '../../shared/graphql/pagination';
import { todayInChina } from '../../shared/graphql/scalars';
import { regionLikePattern } from '../../shared/region';
import { requireId, requireRegionCode } from '../../shared/validation';
import type { InsuranceContext } from '../context';
import { PaymentStandard } from './payment-standard.entity';
import type { PaymentStandardFilter } from './payment-standard.input';
import { standardKey } from './payment-standard.loader';

/** Payment standards, filtered and paginated (public policy data). */
export async function listPaymentStandards(ctx: InsuranceContext, filter: PaymentStandardFilter | undefined, page: PageInput | undefined) {
  const request = pageRequest(page);
  const qb = ctx.db.getRepository(PaymentStandard).createQueryBuilder('s').orderBy('s.id').limit(request.limit + 1);
  if (filter?.productId !== undefined) qb.andWhere('s.product_id = :product', { product: requireId(filter.productId, 'productId') });
  if (filter?.regionCode !== undefined) qb.andWhere('s.region_code LIKE :region', { region: regionLikePattern(requireRegionCode(filter.regionCode)) });
  if (filter?.on !== undefined) qb.andWhere('s.effective_from <= :on AND (s.effective_to IS NULL OR s.effective_to >= :on)', { on: filter.on });
  if (request.afterKey) qb.andWhere('s.id > :after', { after: requireId(request.afterKey, 'after') });
  return toPage(await qb.getMany(), request, (s) => s.id);
}

/** The standard in force for a product in a region on a date; NOT_FOUND when none applies. */
export async function paymentStandardFor(ctx: InsuranceContext, productId: string, regionCode: string, on: string | undefined) {
  const standard = await findPaymentStandard(ctx, productId, regionCode, on);
  if (!standard) throw errors.notFound('Payment standard for product', productId);
  return standard;
}

/** Like paymentStandardFor, but null when none applies (for a field on Product). */
export function findPaymentStandard(ctx: InsuranceContext, productId: string, regionCode: string, on: string | undefined) {
  const key = standardKey(requireId(productId, 'productId'), requireRegionCode(regionCode), on ?? todayInChina());
  return ctx.loaders.paymentStandard.load(key);
}
