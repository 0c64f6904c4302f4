import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { JurisdictionPolicyKey, PolicySource } from '../../shared/policy/jurisdiction-policy';
import { ENTITY_DESCRIPTIONS } from '../../shared/graphql/entity-descriptions';

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
