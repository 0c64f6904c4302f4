import { Field, ID, InputType } from 'type-graphql';
import { ShortageList, WatchListChange } from './shortage.entity';

@InputType({ description: 'Puts a product on a shortage watch list for a region, or takes it off (Q-06).' })
export class UpdateShortageWatchListInput {
  @Field(() => ID, { description: 'The product.' })
  productId: string;

  @Field(() => ShortageList, { description: 'The list.' })
  list: ShortageList;

  @Field(() => String, { description: 'GB/T 2260 code of the region that watches it; within the caller’s jurisdiction.' })
  regionCode: string;

  @Field(() => WatchListChange, { description: 'Add or remove.' })
  change: WatchListChange;
}
