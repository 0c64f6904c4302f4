import { Field, ID, InputType } from 'type-graphql';
import { DecimalScalar } from '../../shared/graphql/scalars';

@InputType({ description: 'A product that won a batch (P-03).' })
export class AwardWinningProductInput {
  @Field(() => ID, { description: 'The batch it won.' })
  batchId: string;

  @Field(() => ID, { description: 'The catalogue product: of the batch’s kind and one of its generic names or consumable categories.' })
  productId: string;

  @Field(() => DecimalScalar, { description: 'Winning price per smallest unit, in yuan; greater than zero and final once awarded.' })
  winningPrice: string;

  @Field(() => String, { description: 'The smallest unit the price is per, 1–4 Chinese characters, e.g. 片, 支, 套.' })
  unit: string;
}
