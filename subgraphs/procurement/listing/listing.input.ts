import { Field, ID, InputType, Int } from 'type-graphql';
import { DecimalScalar } from '../../shared/graphql/scalars';
import { ListingStatus, ListingZone } from './listing.entity';

@InputType({ description: 'A new listing (挂网) of a product for a region, or a new application for a delisted one (P-08).' })
export class ListProductInput {
  @Field(() => ID, { description: 'The catalogue product.' })
  productId: string;

  @Field(() => String, { description: 'GB/T 2260 code of the region, within the caller’s jurisdiction.' })
  regionCode: string;

  @Field(() => DecimalScalar, { description: 'Listed price per unit, in yuan, greater than zero.' })
  listedPrice: string;

  @Field(() => String, { description: 'The unit the price is per (1–20 characters, e.g. 片).' })
  unit: string;

  @Field(() => ListingZone, { description: 'The zone it is managed in.' })
  zone: ListingZone;

  @Field(() => String, { description: 'Why it is listed (1–500 characters), kept in the history.' })
  reason: string;

  @Field(() => Int, { nullable: true, description: 'Re-listing a delisted listing: the version read; a stale one is a CONFLICT.' })
  expectedVersion?: number;
}

@InputType({ description: 'A status change of a listing (suspend, delist, restore) with its reason (P-08).' })
export class ChangeListingInput {
  @Field(() => ID, { description: 'The listing.' })
  listingId: string;

  @Field(() => String, { description: 'Why (1–500 characters), kept in the history.' })
  reason: string;

  @Field(() => Int, { nullable: true, description: 'The version read; a stale one is a CONFLICT and nothing changes.' })
  expectedVersion?: number;

  @Field(() => ListingZone, { nullable: true, description: 'Move it to this zone at the same time; omitted keeps the zone.' })
  zone?: ListingZone;
}

@InputType({ description: 'Filters for listings; all given filters must match.' })
export class ListingFilter {
  @Field(() => ID, { nullable: true, description: 'Only this product’s listings.' })
  productId?: string;

  @Field(() => String, { nullable: true, description: 'Only listings of this region or below it (GB/T 2260).' })
  regionCode?: string;

  @Field(() => ListingStatus, { nullable: true, description: 'Only listings in this status.' })
  status?: ListingStatus;

  @Field(() => ListingZone, { nullable: true, description: 'Only listings in this zone.' })
  zone?: ListingZone;
}
