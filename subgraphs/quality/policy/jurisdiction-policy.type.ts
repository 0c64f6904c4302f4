import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { JurisdictionPolicyKey, PolicySource } from '../../shared/policy/jurisdiction-policy';
import { ENTITY_DESCRIPTIONS } from '../../shared/graphql/entity-descriptions';
import { DecimalScalar } from '../../shared/graphql/scalars';

@ObjectType({ description: 'G-08: the ban on a dishonest (失信) enterprise: how long, and over what.' })
export class DishonestyBanPolicy {
  @Field(() => Int, { description: 'Length of the ban in years.' })
  years: number;

  @Field(() => String, { description: 'What the ban covers, in the policy’s words.' })
  scope: string;

  @Field(() => PolicySource, { description: 'Where this value was set.' })
  source: PolicySource;
}

/** The quality subgraph's part of the jurisdiction policy entity. */
@ObjectType({ description: ENTITY_DESCRIPTIONS.JurisdictionPolicy })
@Directive('@key(fields: "regionCode effectiveOn")')
export class JurisdictionPolicy extends JurisdictionPolicyKey {}

@ObjectType({ description: 'Q-05: when data marks a product as a price-risk product (价格风险品种).' })
export class PriceRiskThresholdsPolicy {
  @Field(() => DecimalScalar, { nullable: true, description: 'Month-on-month sales growth (as a share, 0.5 = +50%) above which sales growth is abnormal; null when not set.' })
  salesGrowth: string | null;

  @Field(() => Int, { nullable: true, description: 'Number of listed-price rises within the window that count as repeated; null when not set.' })
  priceRises: number | null;

  @Field(() => Int, { nullable: true, description: 'The window for price rises, in months.' })
  windowMonths: number | null;

  @Field(() => String, { nullable: true, description: 'What the policy says about these numbers (e.g. that the seed document sets none).' })
  note: string | null;

  @Field(() => PolicySource, { description: 'Where this value was set.' })
  source: PolicySource;
}
