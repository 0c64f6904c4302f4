import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../shared/graphql/scalars';

export enum ShortageList {
  NATIONAL_SHORTAGE = 'NATIONAL_SHORTAGE',
  CLINICALLY_NECESSARY_EASILY_SHORT = 'CLINICALLY_NECESSARY_EASILY_SHORT',
}
registerEnumType(ShortageList, {
  name: 'ShortageList',
  description: 'The shortage watch lists of Q-06.',
  valuesConfig: {
    NATIONAL_SHORTAGE: { description: 'National shortage drug list (国家短缺药品清单).' },
    CLINICALLY_NECESSARY_EASILY_SHORT: { description: 'Clinically necessary, easily short drugs under key monitoring (国家临床必需易短缺药品重点监测清单).' },
  },
});

export enum WatchListChange {
  ADD = 'ADD',
  REMOVE = 'REMOVE',
}
registerEnumType(WatchListChange, {
  name: 'WatchListChange',
  description: 'Putting a product on a watch list or taking it off.',
  valuesConfig: { ADD: { description: 'Put it on the list.' }, REMOVE: { description: 'Take it off the list.' } },
});

export enum ShortageReason {
  STOCK_BELOW_NEED = 'STOCK_BELOW_NEED',
  PRODUCTION_STOPPED = 'PRODUCTION_STOPPED',
}
registerEnumType(ShortageReason, {
  name: 'ShortageReason',
  description: 'Why a watched product raises an early warning (短缺预警), Q-06.',
  valuesConfig: {
    STOCK_BELOW_NEED: { description: 'Reported stock in the region is below one month of need.' },
    PRODUCTION_STOPPED: { description: 'A production stop reported for the region is in effect.' },
  },
});

@ObjectType({ description: 'A product on a shortage watch list as a region applies it (Q-06).' })
export class ShortageWatchEntry {
  productId: string;

  @Field(() => ShortageList, { description: 'The list.' })
  list: ShortageList;

  @Field(() => String, { description: 'GB/T 2260 code of the region that watches it (and every region below).' })
  regionCode: string;

  @Field(() => DateScalar, { nullable: true, description: 'When it was put on the list; null once taken off.' })
  addedOn: string | null;

  @Field(() => Boolean, { description: 'False when this change took it off the list.' })
  watched: boolean;
}

@ObjectType({ description: 'A production stop in effect for a watched product (停产报告, D-05).' })
export class ProductionStopNotice {
  @Field(() => String, { description: 'Why production stopped.' })
  reason: string;

  @Field(() => DateScalar, { description: 'First day of the stop.' })
  stoppedFrom: string;

  @Field(() => DateScalar, { nullable: true, description: 'Expected resumption; null when unknown.' })
  expectedResumeOn: string | null;

  enterpriseId: string;
}

@ObjectType({ description: 'An early warning (短缺预警) for a watched product in a region, Q-06.' })
export class ShortageWarning {
  productId: string;

  @Field(() => String, { description: 'GB/T 2260 code of the region asked about.' })
  regionCode: string;

  @Field(() => [ShortageList], { description: 'The watch lists the product is on for this region.' })
  lists: ShortageList[];

  @Field(() => [ShortageReason], { description: 'Why it warns; never empty.' })
  reasons: ShortageReason[];

  @Field(() => Int, { description: 'Stock on hand reported for the region and below, in the smallest unit.' })
  stockOnHand: number;

  @Field(() => Int, { description: 'One month of need in the smallest unit: the agreed volumes’ monthly run rate (annual ÷ 12, rounded up) of the region’s institutions for the contract year in force, or, without agreed volumes, the average monthly quantity ordered over the last three full months.' })
  monthlyNeed: number;

  @Field(() => String, { description: 'Which basis monthlyNeed used: AGREED_VOLUMES or RECENT_SALES.' })
  needBasis: string;

  @Field(() => [ProductionStopNotice], { description: 'Production stops in effect for the region.' })
  productionStops: ProductionStopNotice[];
}
