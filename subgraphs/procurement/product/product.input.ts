import { Field, ID, InputType } from 'type-graphql';
import { ProductKind } from './product.entity';

@InputType({ description: 'Filters for the product catalogue; all given filters must match.' })
export class ProductFilter {
  @Field(() => String, { nullable: true, description: 'Generic name (通用名), matched exactly.' })
  genericName?: string;

  @Field(() => ID, { nullable: true, description: 'Only products of this manufacturer (生产企业).' })
  manufacturerId?: string;

  @Field(() => ProductKind, { nullable: true, description: 'Only drugs or only consumables.' })
  kind?: ProductKind;

  @Field(() => String, { nullable: true, description: 'Generic name (通用名) containing this text, case-insensitive.' })
  genericNameContains?: string;

  @Field(() => ID, { nullable: true, description: 'Only products of this batch’s generic names or consumable categories (and its kind); with `winning`, its winners or the rest.' })
  batchId?: string;

  @Field(() => Boolean, { nullable: true, description: 'true: only products that won a batch (the batch given, else any); false: only those that did not.' })
  winning?: boolean;
}
