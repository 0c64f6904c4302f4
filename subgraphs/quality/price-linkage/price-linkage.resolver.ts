import { Arg, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Connection, PageInput } from '../../shared/graphql/pagination';
import type { QualityContext } from '../context';
import { Product } from '../product/product.stub';
import { ExternalLowestPrice, ListingAboveExternalLowest } from './price-linkage.entity';
import { RecordExternalLowestPriceInput } from './price-linkage.input';
import { listExternalPrices, listingsAboveExternalLowest, recordExternalLowestPrice } from './price-linkage.service';

@ObjectType({ description: 'A page of external lowest prices.' })
export class ExternalLowestPriceConnection extends Connection(ExternalLowestPrice, 'The prices of this page, ordered by id.') {}

@ObjectType({ description: 'A page of listings priced above another province’s lowest price.' })
export class ListingAboveExternalLowestConnection extends Connection(ListingAboveExternalLowest, 'The listings of this page, ordered by listing id.') {}

@Resolver(() => ExternalLowestPrice)
export class ExternalLowestPriceResolver {
  @Query(() => ExternalLowestPriceConnection, { description: 'Lowest prices recorded for other provinces (Q-07).' })
  externalLowestPrices(
    @Ctx() ctx: QualityContext,
    @Arg('productId', () => ID, { nullable: true, description: 'Only this product’s.' }) productId?: string,
    @Arg('page', () => PageInput, { nullable: true, description: 'Which page; default the first 20.' }) page?: PageInput,
  ) {
    return listExternalPrices(ctx, productId, page);
  }

  @Query(() => ListingAboveExternalLowestConnection, { description: 'Listings binding a region that are priced above the lowest price listed in another province (Q-07 price linkage), by listing id, paginated.' })
  listingsAboveExternalLowest(
    @Ctx() ctx: QualityContext,
    @Arg('regionCode', () => String, { description: 'GB/T 2260 code within the caller’s jurisdiction.' }) regionCode: string,
    @Arg('page', () => PageInput, { nullable: true, description: 'Which page; default the first 20.' }) page?: PageInput,
  ) {
    return listingsAboveExternalLowest(ctx, regionCode, page);
  }

  @Mutation(() => ExternalLowestPrice, { description: 'Records the lowest price of a product listed in another province, with its date and source (Q-07).' })
  recordExternalLowestPrice(@Ctx() ctx: QualityContext, @Arg('input', () => RecordExternalLowestPriceInput, { description: 'The price.' }) input: RecordExternalLowestPriceInput) {
    return recordExternalLowestPrice(ctx, input);
  }

  @FieldResolver(() => Product, { description: 'The product.' })
  product(@Root() price: ExternalLowestPrice): Product {
    return { id: price.productId };
  }
}

@Resolver(() => ListingAboveExternalLowest)
export class ListingAboveExternalLowestResolver {
  @FieldResolver(() => Product, { description: 'The product listed.' })
  product(@Root() listing: ListingAboveExternalLowest): Product {
    return { id: listing.productId };
  }
}
