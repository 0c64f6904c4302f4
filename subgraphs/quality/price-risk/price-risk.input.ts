import { Field, ID, InputType } from 'type-graphql';
import { FlagColour, PriceRiskAction, PriceRiskBasis } from './price-risk.entity';

@InputType({ description: 'A price-risk flag to set (Q-05).' })
export class FlagPriceRiskInput {
  @Field(() => ID, { description: 'The product.' })
  productId: string;

  @Field(() => ID, { description: 'Its manufacturer, from the enterprise register.' })
  enterpriseId: string;

  @Field(() => String, { description: 'GB/T 2260 code of the listing’s region; within the caller’s jurisdiction.' })
  regionCode: string;

  @Field(() => FlagColour, { description: 'Red or yellow.' })
  colour: FlagColour;

  @Field(() => PriceRiskBasis, { description: 'The ground.' })
  basis: PriceRiskBasis;

  @Field(() => PriceRiskAction, { description: 'The action taken.' })
  action: PriceRiskAction;

  @Field(() => String, { description: 'The reason, required, 1–1000 characters.' })
  reason: string;
}

@InputType({ description: 'Filters for price-risk flags; all given filters must match.' })
export class PriceRiskFlagFilter {
  @Field(() => String, { nullable: true, description: 'Only flags in this region or below it.' })
  regionCode?: string;

  @Field(() => ID, { nullable: true, description: 'Only flags on this product.' })
  productId?: string;

  @Field(() => FlagColour, { nullable: true, description: 'Only this colour.' })
  colour?: FlagColour;

  @Field(() => PriceRiskAction, { nullable: true, description: 'Only this action.' })
  action?: PriceRiskAction;
}
