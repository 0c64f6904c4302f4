import { Arg, Ctx, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Connection, PageInput } from '../../shared/graphql/pagination';
import { DateScalar } from '../../shared/graphql/scalars';
import type { InsuranceContext } from '../context';
import { Product } from '../product/product.stub';
import { PaymentStandard } from './payment-standard.entity';
import { PaymentStandardFilter } from './payment-standard.input';
import { findPaymentStandard, listPaymentStandards, paymentStandardFor } from './payment-standard.service';

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
    @Arg('regionCode', () => String, { description: 'GB/T 2260 code; a region without its own standard uses its nearest ancestor’s.' }) regionCode: string,
    @Arg('on', () => DateScalar, { nullable: true, description: 'The date it must be in force on; defaults to today in China.' }) on?: string,
  ) {
    return paymentStandardFor(ctx, productId, regionCode, on);
  }

  @FieldResolver(() => Product, { description: 'The product this standard prices.' })
  product(@Root() standard: PaymentStandard): Product {
    return { id: standard.productId };
  }
}

@Resolver(() => Product)
export class ProductPaymentStandardResolver {
  @FieldResolver(() => PaymentStandard, { nullable: true, description: 'The insurance payment standard in force for this product in a region on a date (default today); null when none applies.' })
  paymentStandard(
    @Root() product: Product,
    @Ctx() ctx: InsuranceContext,
    @Arg('regionCode', () => String, { description: 'GB/T 2260 code; a region without its own standard uses its nearest ancestor’s.' }) regionCode: string,
    @Arg('on', () => DateScalar, { nullable: true, description: 'The date it must be in force on; defaults to today in China.' }) on?: string,
  ) {
    return findPaymentStandard(ctx, product.id, regionCode, on);
  }
}
