import { Field, ID, ObjectType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../shared/graphql/scalars';

@ObjectType({ description: 'The lowest price a product is listed at in another province (省外已挂网低价) on a date, Q-07.' })
export class ExternalLowestPrice {
  @Field(() => ID, { description: 'Record id.' })
  id: string;

  productId: string;

  @Field(() => String, { description: 'GB/T 2260 code of the province (PP0000) where it is listed at this price.' })
  provinceCode: string;

  @Field(() => DecimalScalar, { description: 'The listed price there, per smallest unit, in yuan.' })
  price: string;

  @Field(() => DateScalar, { description: 'When the price was observed.' })
  observedOn: string;

  @Field(() => String, { description: 'Where it was read (全国挂网价格一览表, enterprise declaration …).' })
  source: string;
}

export const EXTERNAL_PRICE_COLUMNS = `x.id, x.product_id AS "productId", x.province_code AS "provinceCode", x.price::text AS price, x.observed_on::text AS "observedOn", x.source`;

@ObjectType({ description: 'A listing priced above the lowest price of the same product in another province: a price-linkage case (价格联动), Q-07.' })
export class ListingAboveExternalLowest {
  productId: string;

  @Field(() => ID, { description: 'The listing (挂网) id, as procurement announced it.' })
  listingId: string;

  @Field(() => String, { description: 'GB/T 2260 code of the listing’s region.' })
  regionCode: string;

  @Field(() => DecimalScalar, { description: 'The price listed here.' })
  listedPrice: string;

  @Field(() => DecimalScalar, { description: 'The lowest price listed in another province (latest observation per province).' })
  lowestPrice: string;

  @Field(() => String, { description: 'The province with that lowest price.' })
  lowestProvinceCode: string;

  @Field(() => DateScalar, { description: 'When that lowest price was observed.' })
  observedOn: string;

  @Field(() => DecimalScalar, { description: 'How much the listed price exceeds it.' })
  excess: string;
}
