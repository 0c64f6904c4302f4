import { Field, ID, InputType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../shared/graphql/scalars';

@InputType({ description: 'The lowest price of a product listed in another province (Q-07).' })
export class RecordExternalLowestPriceInput {
  @Field(() => ID, { description: 'The product.' })
  productId: string;

  @Field(() => String, { description: 'GB/T 2260 province code (PP0000) where it is listed at this price.' })
  provinceCode: string;

  @Field(() => DecimalScalar, { description: 'The price there, > 0, per smallest unit, in yuan.' })
  price: string;

  @Field(() => DateScalar, { description: 'When it was observed; not in the future.' })
  observedOn: string;

  @Field(() => String, { description: 'Where it was read, 1–300 characters.' })
  source: string;
}
