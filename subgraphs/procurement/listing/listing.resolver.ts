import { Arg, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Connection, PageInput } from '../../shared/graphql/pagination';
import type { ProcurementContext } from '../context';
import { Product } from '../product/product.entity';
import { Listing, ListingHistoryEntry } from './listing.entity';
import { ChangeListingInput, ListingFilter, ListProductInput } from './listing.input';
import { changeListingStatus, getListing, listListings, listProduct } from './listing.service';

@ObjectType({ description: 'A page of listings.' })
export class ListingConnection extends Connection(Listing, 'The listings of this page, ordered by id.') {}

@Resolver(() => Listing)
export class ListingResolver {
  @Query(() => ListingConnection, { description: 'Listings (挂网目录), published to every persona, filtered and paginated (P-08).' })
  listings(
    @Ctx() ctx: ProcurementContext,
    @Arg('filter', () => ListingFilter, { nullable: true, description: 'Filters; omitted means every listing.' }) filter?: ListingFilter,
    @Arg('page', () => PageInput, { nullable: true, description: 'Which page; default the first 20.' }) page?: PageInput,
  ) {
    return listListings(ctx, filter, page);
  }

  @Query(() => Listing, { nullable: true, description: 'One listing by id; null with a NOT_FOUND error when there is none.' })
  listing(@Ctx() ctx: ProcurementContext, @Arg('id', () => ID, { description: 'The id.' }) id: string) {
    return getListing(ctx, id);
  }

  @Mutation(() => Listing, { description: 'Lists a product for a region at a price (挂网), or re-lists a delisted one; medical-insurance regulators of the region (the platform operator), P-08.' })
  listProduct(@Ctx() ctx: ProcurementContext, @Arg('input', () => ListProductInput, { description: 'The listing.' }) input: ListProductInput) {
    return listProduct(ctx, input);
  }

  @Mutation(() => Listing, { description: 'Suspends a LISTED or RESTORED listing (暂停挂网); orders are refused until it is restored (P-08).' })
  suspendListing(@Ctx() ctx: ProcurementContext, @Arg('input', () => ChangeListingInput, { description: 'The change.' }) input: ChangeListingInput) {
    return changeListingStatus(ctx, 'SUSPEND', input);
  }

  @Mutation(() => Listing, { description: 'Delists a listing (撤网) from LISTED, RESTORED or SUSPENDED; only a new listProduct brings it back (P-08).' })
  delistProduct(@Ctx() ctx: ProcurementContext, @Arg('input', () => ChangeListingInput, { description: 'The change.' }) input: ChangeListingInput) {
    return changeListingStatus(ctx, 'DELIST', input);
  }

  @Mutation(() => Listing, { description: 'Restores a SUSPENDED listing (恢复挂网); it may be ordered again (P-08).' })
  restoreListing(@Ctx() ctx: ProcurementContext, @Arg('input', () => ChangeListingInput, { description: 'The change.' }) input: ChangeListingInput) {
    return changeListingStatus(ctx, 'RESTORE', input);
  }

  @FieldResolver(() => Product, { nullable: true, description: 'The listed product.' })
  product(@Root() listing: Listing, @Ctx() ctx: ProcurementContext) {
    return ctx.loaders.productById.load(listing.productId);
  }

  @FieldResolver(() => [ListingHistoryEntry], { description: 'Every change of the listing, oldest first (regulators only).' })
  history(@Root() listing: Listing, @Ctx() ctx: ProcurementContext) {
    return ctx.loaders.listingHistory.load(listing.id);
  }
}
