import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { EntityReference } from '../../shared/graphql/entity-reference';
import type { ProcurementContext } from '../context';
import { Batch } from '../batch/batch.entity';
import { Enterprise, enterpriseReference } from '../enterprise/enterprise.stub';
import { Product } from '../product/product.entity';
import { WinningProduct } from './winning-product.entity';
import { AwardWinningProductInput } from './winning-product.input';
import { awardWinningProduct } from './winning-product.service';

@Resolver(() => WinningProduct)
export class WinningProductResolver {
  @Mutation(() => WinningProduct, {
    description:
      'Records a product that won a batch at its winning price (P-03); medical insurance regulators who may run the batch. One award per batch and product (a second is a CONFLICT). The winning price is final: there is no mutation to change it, and institutions may not renegotiate it.',
  })
  awardWinningProduct(@Ctx() ctx: ProcurementContext, @Arg('input', () => AwardWinningProductInput, { description: 'The award.' }) input: AwardWinningProductInput) {
    return awardWinningProduct(ctx, input);
  }

  @FieldResolver(() => Batch, { nullable: true, description: 'The batch it won.' })
  batch(@Root() winning: WinningProduct, @Ctx() ctx: ProcurementContext) {
    return ctx.loaders.batchById.load(winning.batchId);
  }

  @FieldResolver(() => Product, { nullable: true, description: 'The catalogue product.' })
  product(@Root() winning: WinningProduct, @Ctx() ctx: ProcurementContext) {
    return ctx.loaders.productById.load(winning.productId);
  }

  @FieldResolver(() => Enterprise, { description: 'The winning manufacturer (中选企业), resolved by the distribution subgraph.' })
  manufacturer(@Root() winning: WinningProduct): EntityReference {
    return enterpriseReference(winning.manufacturerId);
  }
}

/** Procurement's product field about awards. */
@Resolver(() => Product)
export class ProductAwardsResolver {
  @FieldResolver(() => [WinningProduct], { description: 'The batches this product won, as winning products with their prices (P-03); empty when it won none.' })
  winningIn(@Root() product: Product, @Ctx() ctx: ProcurementContext) {
    return ctx.loaders.winningProductsByProduct.load(product.id);
  }
}
