import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { errors } from '../../shared/errors';
import { DecimalScalar } from '../../shared/graphql/scalars';
import { Money, decimalText } from '../../shared/graphql/scalars';
import { requireId } from '../../shared/validation';
import type { ProcurementContext } from '../context';
import { annualPurchases } from '../filing/annual-purchases';
import { Institution } from '../institution/institution.entity';

/** Decimal places of the rate: the amounts are exact; the quotient is rounded half-up here. */
const RATE_PLACES = 6;

@ObjectType({ description: 'The online purchase rate (网采率) of an institution in a year, P-11, with the amounts it is computed from.' })
export class OnlinePurchaseRate {
  @Field(() => Institution, { nullable: true, description: 'The institution.' })
  institution: Institution | null;

  @Field(() => Int, { description: 'The calendar year.' })
  year: number;

  @Field(() => DecimalScalar, { description: 'Bought through the platform: the year’s orders not cancelled, in yuan.' })
  platformAmount: string;

  @Field(() => DecimalScalar, { description: 'Bought off the platform and filed (备案采购, P-07), in yuan.' })
  filedAmount: string;

  @Field(() => DecimalScalar, { description: 'All purchases: platformAmount + filedAmount, in yuan.' })
  totalAmount: string;

  @Field(() => DecimalScalar, { nullable: true, description: `platformAmount ÷ totalAmount, rounded half-up to ${RATE_PLACES} decimal places; null when nothing was bought.` })
  rate: string | null;
}

/**
 * P-11: platform amount ÷ all purchases (platform + filed) in a year, summed in SQL, divided exactly.
 * The institution is read through the caller's scope: another's id is NOT_FOUND like a missing one.
 */
export async function onlinePurchaseRate(ctx: ProcurementContext, institutionId: string, year: number): Promise<OnlinePurchaseRate> {
  const id = requireId(institutionId, 'institutionId');
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw errors.badInput('year must be from 2000 to 2100', { field: 'year' });
  const institution = await ctx.loaders.institutionById.load(id);
  if (!institution) throw errors.notFound('Institution', id);
  const kinds = await annualPurchases(ctx.db, id, year);
  const platform = kinds.reduce((sum, k) => sum.plus(k.platformAmount), new Money(0));
  const filed = kinds.reduce((sum, k) => sum.plus(k.filedAmount), new Money(0));
  const total = platform.plus(filed);
  return {
    institution,
    year,
    platformAmount: decimalText(platform),
    filedAmount: decimalText(filed),
    totalAmount: decimalText(total),
    rate: total.isZero() ? null : decimalText(platform.dividedBy(total).toDecimalPlaces(RATE_PLACES, Money.ROUND_HALF_UP)),
  };
}

@Resolver(() => OnlinePurchaseRate)
export class OnlinePurchaseRateResolver {
  @Query(() => OnlinePurchaseRate, { description: 'The online purchase rate (网采率) of an institution in a year (P-11): the institution itself, or insurance and health regulators of its region.' })
  onlinePurchaseRate(
    @Ctx() ctx: ProcurementContext,
    @Arg('institutionId', () => ID, { description: 'The institution.' }) institutionId: string,
    @Arg('year', () => Int, { description: 'The calendar year.' }) year: number,
  ) {
    return onlinePurchaseRate(ctx, institutionId, year);
  }
}
