import { Arg, Ctx, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Connection, PageInput } from '../../shared/graphql/pagination';
import { DateScalar, DecimalScalar } from '../../shared/graphql/scalars';
import type { InsuranceContext } from '../context';
import { Product } from '../product/product.stub';
import { PaymentStandard } from './payment-standard.entity';
import { PaymentStandardFilter } from './payment-standard.input';
import { findPaymentStandard, listPaymentStandards, patientShare, paymentStandardFor } from './payment-standard.service';
import { PatientShare } from './patient-share.type';

@ObjectType({ description: 'A page of payment standards.' })
export class PaymentStandardConnection extends Connection(PaymentStandard, 'The payment standards of this page, ordered by id.') {}

@Resolver(() => PaymentStandard)
export class PaymentStandardResolver {
  @Query(() => PaymentStandardConnection, { description: 'Payment standards (医保支付标准), filtered and paginated.' })
  paymentStandards(
    @Ctx() ctx: InsuranceContext,
    @Arg('filter', () => PaymentStandardFilter, { nullable: true, description: 'Filters; omitted means every standard.' }) filter?: PaymentStandardFilter,
    @Arg('page', () => PageInput, { nullable: true, description: 'Which page; default the first 20.' }) page?: PageInput,
  ) {
    return listPaymentStandards(ctx, filter, page);
  }

  @Query(() => PaymentStandard, { nullable: true, description: 'The standard in force for a product in a region on a date (default today); null with a NOT_FOUND error when none applies.' })
  paymentStandard(
    @Ctx() ctx: InsuranceContext,
    @Arg('productId', () => ID, { description: 'The product.' }) productId: string,
    @Arg('regionCode', () => String, { nullable: true, description: 'GB/T 2260 code; default the caller’s own region. A region without its own standard uses its nearest ancestor’s.' }) regionCode?: string,
    @Arg('on', () => DateScalar, { nullable: true, description: 'The date it must be in force on; defaults to today in China.' }) on?: string,
  ) {
    return paymentStandardFor(ctx, productId, regionCode, on);
  }

  @Query(() => PatientShare, { nullable: true, description: 'I-03: what the fund settles and what the patient pays for a purchase at a given price; null with NOT_FOUND when no standard applies.' })
  patientShare(
    @Ctx() ctx: InsuranceContext,
    @Arg('productId', () => ID, { description: 'The product.' }) productId: string,
    @Arg('unitPrice', () => DecimalScalar, { description: 'The price paid per unit, in yuan.' }) unitPrice: string,
    @Arg('quantity', () => Int, { description: 'Units purchased (smallest unit).' }) quantity: number,
    @Arg('regionCode', () => String, { nullable: true, description: 'GB/T 2260 code; default the caller’s own region.' }) regionCode?: string,
    @Arg('on', () => DateScalar, { nullable: true, description: 'The day of the purchase; default today in China.' }) on?: string,
  ) {
    return patientShare(ctx, { productId, unitPrice, quantity, regionCode, on });
  }

  @FieldResolver(() => Product, { description: 'The product this standard prices.' })
  product(@Root() standard: PaymentStandard): Product {
    return { id: standard.productId };
  }

  @FieldResolver(() => Boolean, { description: 'True when derived from a batch’s winning prices and catalogue flags (I-01, I-02, I-04); false for a standard published before the batch.' })
  derived(@Root() standard: PaymentStandard): boolean {
    return standard.batchId !== null;
  }
}

@Resolver(() => Product)
export class ProductPaymentStandardResolver {
  @FieldResolver(() => PaymentStandard, { nullable: true, description: 'The insurance payment standard in force for this product in a region on a date (default today); null when none applies.' })
  paymentStandard(
    @Root() product: Product,
    @Ctx() ctx: InsuranceContext,
    @Arg('regionCode', () => String, { nullable: true, description: 'GB/T 2260 code; default the caller’s own region. A region without its own standard uses its nearest ancestor’s.' }) regionCode?: string,
    @Arg('on', () => DateScalar, { nullable: true, description: 'The date it must be in force on; defaults to today in China.' }) on?: string,
  ) {
    return findPaymentStandard(ctx, product.id, regionCode, on);
  }
}
