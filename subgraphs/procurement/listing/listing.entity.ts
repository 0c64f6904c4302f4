import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../../shared/graphql/scalars';

/** P-08: where a listing stands (挂网状态). */
export enum ListingStatus {
  LISTED = 'LISTED',
  SUSPENDED = 'SUSPENDED',
  DELISTED = 'DELISTED',
  RESTORED = 'RESTORED',
}
registerEnumType(ListingStatus, {
  name: 'ListingStatus',
  description: 'Where a listing stands (挂网状态), P-08. Only LISTED and RESTORED may be ordered.',
  valuesConfig: {
    LISTED: { description: 'Listed with a price (挂网): institutions may order it at no more than that price.' },
    SUSPENDED: { description: 'Listing suspended (暂停挂网), e.g. a price-risk measure (Q-05); cannot be ordered until restored.' },
    DELISTED: { description: 'Delisted (撤网): off the platform; only a new listing application (listProduct) brings it back.' },
    RESTORED: { description: 'Listing restored after a suspension (恢复挂网): may be ordered again.' },
  },
});

/** Guangdong 2025 二(二): listed drugs are managed in an active and an inactive zone (活跃区 / 非活跃区). */
export enum ListingZone {
  ACTIVE = 'ACTIVE',
  INACTIVE = 'INACTIVE',
}
registerEnumType(ListingZone, {
  name: 'ListingZone',
  description: 'The zone a listing is managed in (Guangdong 2025 二(二): 区分活跃区和非活跃区). The zone is recorded and kept in the history; it does not by itself stop ordering.',
  valuesConfig: {
    ACTIVE: { description: 'Active zone (活跃区): a product that is traded on the platform.' },
    INACTIVE: { description: 'Inactive zone (非活跃区): listed but not traded; its price is reviewed under price management before it is traded again.' },
  },
});

/** What a change did to a listing. */
export enum ListingAction {
  LIST = 'LIST',
  SUSPEND = 'SUSPEND',
  DELIST = 'DELIST',
  RESTORE = 'RESTORE',
  RELIST = 'RELIST',
}
registerEnumType(ListingAction, {
  name: 'ListingAction',
  description: 'What one change did to a listing (挂网变更).',
  valuesConfig: {
    LIST: { description: 'First listed (挂网).' },
    SUSPEND: { description: 'Suspended (暂停挂网).' },
    DELIST: { description: 'Delisted (撤网).' },
    RESTORE: { description: 'Restored after a suspension (恢复挂网).' },
    RELIST: { description: 'Listed again after being delisted, on a new application (重新挂网).' },
  },
});

/** P-08: a product offered to the public institutions of a region at a ceiling price. */
@Entity({ name: 'listing' })
@ObjectType({ description: 'A listing (挂网) of a product for the public institutions of a region at a ceiling price, P-08. Published: every persona may read it.' })
export class Listing {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: 'Listing id.' })
  id: string;

  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  @Column({ name: 'region_code', type: 'text' })
  @Field(() => String, { description: 'GB/T 2260 code of the region whose institutions it is offered to; institutions below it inherit it.' })
  regionCode: string;

  @Column({ name: 'listed_price', type: 'numeric' })
  @Field(() => DecimalScalar, { description: 'Listed price per unit, in yuan (挂网价): no order may pay more (P-08).' })
  listedPrice: string;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'The unit the price is per (the smallest unit, e.g. 片, 支, 套).' })
  unit: string;

  @Column({ type: 'text' })
  @Field(() => ListingStatus, { description: 'Where the listing stands.' })
  status: ListingStatus;

  @Column({ type: 'text' })
  @Field(() => ListingZone, { description: 'Active or inactive zone (活跃区 / 非活跃区).' })
  zone: ListingZone;

  @Column({ name: 'listed_on', type: 'date' })
  @Field(() => DateScalar, { description: 'The date it was (last) listed.' })
  listedOn: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  @Field(() => DateTimeScalar, { description: 'When it last changed.' })
  updatedAt: Date;

  @Column({ type: 'integer' })
  @Field(() => Int, { description: 'Row version: bumped by every change; pass it as expectedVersion to refuse a change based on a stale read.' })
  version: number;
}

/** One change of a listing, as it left the listing. */
@ObjectType({ description: 'One change of a listing (挂网变更记录): the listing as the change left it, why, by whom, when.' })
export class ListingHistoryEntry {
  @Field(() => Int, { description: 'The listing version this change produced.' })
  version: number;

  @Field(() => ListingAction, { description: 'What the change did.' })
  action: ListingAction;

  @Field(() => ListingStatus, { description: 'Status after the change.' })
  status: ListingStatus;

  @Field(() => ListingZone, { description: 'Zone after the change.' })
  zone: ListingZone;

  @Field(() => DecimalScalar, { description: 'Listed price after the change, in yuan.' })
  listedPrice: string;

  @Field(() => String, { description: 'The stated reason (变更原因).' })
  reason: string;

  @Field(() => String, { description: 'Who made the change: the regulator’s subject, or the quality decision (quality:price-risk-flag:<id>) that procurement applied.' })
  actor: string;

  @Field(() => String, { nullable: true, description: 'The request id of the change, to find it in the logs; null for changes applied from events.' })
  requestId: string | null;

  @Field(() => DateTimeScalar, { description: 'When the change was made.' })
  changedAt: Date;
}
