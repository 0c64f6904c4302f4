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
}
