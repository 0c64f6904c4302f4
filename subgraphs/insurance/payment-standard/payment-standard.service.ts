import { errors } from '../../shared/errors';
import { pageRequest, PageInput, toPage } from '../../shared/graphql/pagination';
import { decimalText, Money, todayInChina } from '../../shared/graphql/scalars';
import { regionLikePattern } from '../../shared/region';
import { requireId, requirePositiveAmount, requireQuantity, requireRegionCode } from '../../shared/validation';
import type { InsuranceContext } from '../context';
import { PaymentStandard } from './payment-standard.entity';
import type { PaymentStandardFilter } from './payment-standard.input';
import type { PatientShare } from './patient-share.type';
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
export async function paymentStandardFor(ctx: InsuranceContext, productId: string, regionCode: string | undefined, on: string | undefined) {
  const standard = await findPaymentStandard(ctx, productId, regionCode, on);
  if (!standard) throw errors.notFound('Payment standard for product', productId);
  return standard;
}

/** Like paymentStandardFor, but null when none applies (for a field on Product). */
export function findPaymentStandard(ctx: InsuranceContext, productId: string, regionCode: string | undefined, on: string | undefined) {
  const key = standardKey(requireId(productId, 'productId'), regionOrOwn(ctx, regionCode), on ?? todayInChina());
  return ctx.loaders.paymentStandard.load(key);
}

/** The region asked about, or the caller's own region when none is given. */
function regionOrOwn(ctx: InsuranceContext, regionCode: string | undefined | null): string {
  if (regionCode === undefined || regionCode === null) return requireRegionCode(ctx.identity!.region!);
  return requireRegionCode(regionCode);
}

/**
 * I-03: the fund settles up to the standard and the patient pays the excess; a price below the standard
 * is settled at the actual price. NOT_FOUND when no standard applies to the product there on that day.
 */
export async function patientShare(
  ctx: InsuranceContext,
  args: { productId: string; unitPrice: string; quantity: number; regionCode?: string; on?: string },
): Promise<PatientShare> {
  const price = requirePositiveAmount(args.unitPrice, 'unitPrice');
  const quantity = requireQuantity(args.quantity, 'quantity');
  const regionCode = regionOrOwn(ctx, args.regionCode);
  const on = args.on ?? todayInChina();
  const standard = await paymentStandardFor(ctx, args.productId, regionCode, on);
  const cap = new Money(standard.amount);
  const fundUnit = Money.min(price, cap);
  const patientUnit = Money.max(price.minus(cap), 0);
  const explanation = price.gt(cap)
    ? `I-03: the price is above the standard ${decimalText(cap)} (${standard.rule}); the patient pays the ${decimalText(patientUnit)} per unit above it`
    : `I-03: the price is at or below the standard ${decimalText(cap)} (${standard.rule}); the fund settles the actual price`;
  return {
    product: { id: standard.productId },
    regionCode,
    on,
    unitPrice: decimalText(price),
    quantity,
    standard,
    fundUnitAmount: decimalText(fundUnit),
    patientUnitAmount: decimalText(patientUnit),
    fundAmount: decimalText(fundUnit.times(quantity)),
    patientAmount: decimalText(patientUnit.times(quantity)),
    totalAmount: decimalText(price.times(quantity)),
    explanation,
  };
}
