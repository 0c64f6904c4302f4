import { Arg, Ctx, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { EntityReference } from '../../shared/graphql/entity-reference';
import { Connection, PageInput } from '../../shared/graphql/pagination';
import type { QualityContext } from '../context';
import { Enterprise, enterpriseReference } from '../enterprise/enterprise.stub';
import { Product } from '../product/product.stub';
import { PriceRiskFlag, PriceRiskSignal } from './price-risk.entity';
import { FlagPriceRiskInput, PriceRiskFlagFilter } from './price-risk.input';
import { flagPriceRisk, listFlags, priceRiskSignals } from './price-risk.service';

@ObjectType({ description: 'A page of price-risk flags.' })
export class PriceRiskFlagConnection extends Connection(PriceRiskFlag, 'The flags of this page, ordered by id.') {}

@ObjectType({ description: 'A page of price-risk signals.' })
export class PriceRiskSignalConnection extends Connection(PriceRiskSignal, 'The signals of this page, by kind, region and product.') {}

@Resolver(() => PriceRiskFlag)
export class PriceRiskFlagResolver {
  @Query(() => PriceRiskFlagConnection, { description: 'Price-risk flags (Q-05) within the caller’s scope: regulators their region, a manufacturer its own products.' })
  priceRiskFlags(
    @Ctx() ctx: QualityContext,
    @Arg('filter', () => PriceRiskFlagFilter, { nullable: true, description: 'Filters; omitted means every flag in scope.' }) filter?: PriceRiskFlagFilter,
    @Arg('page', () => PageInput, { nullable: true, description: 'Which page; default the first 20.' }) page?: PageInput,
  ) {
    return listFlags(ctx, filter, page);
  }

  @Query(() => PriceRiskSignalConnection, { description: 'Products with abnormal month-on-month sales growth or repeated listed-price rises in a region, detected from order and listing events with the region’s policy thresholds (Q-05); by kind, region and product, paginated.' })
  priceRiskSignals(
    @Ctx() ctx: QualityContext,
    @Arg('regionCode', () => String, { description: 'GB/T 2260 code within the caller’s jurisdiction.' }) regionCode: string,
    @Arg('month', () => String, { nullable: true, description: 'The month compared with the one before, YYYY-MM; default the current month in China.' }) month?: string,
    @Arg('page', () => PageInput, { nullable: true, description: 'Which page; default the first 20.' }) page?: PageInput,
  ) {
    return priceRiskSignals(ctx, regionCode, month, page);
  }

  @Mutation(() => PriceRiskFlag, { description: 'Sets a red or yellow price-risk flag with the action taken and a required reason (Q-05); SUSPENSION and DELISTING emit quality.ListingActionDecided.v1 for procurement.' })
  flagPriceRisk(@Ctx() ctx: QualityContext, @Arg('input', () => FlagPriceRiskInput, { description: 'The flag.' }) input: FlagPriceRiskInput) {
    return flagPriceRisk(ctx, input);
  }

  @FieldResolver(() => Product, { description: 'The product flagged.' })
  product(@Root() flag: PriceRiskFlag): Product {
    return { id: flag.productId };
  }

  @FieldResolver(() => Enterprise, { description: 'Its manufacturer, resolved by the distribution subgraph.' })
  enterprise(@Root() flag: PriceRiskFlag): EntityReference {
    return enterpriseReference(flag.enterpriseId);
  }
}

@Resolver(() => PriceRiskSignal)
export class PriceRiskSignalResolver {
  @FieldResolver(() => Product, { description: 'The product concerned.' })
  product(@Root() signal: PriceRiskSignal): Product {
    return { id: signal.productId };
  }
}
