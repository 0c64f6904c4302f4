import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { JurisdictionPolicyKey, PolicySource } from '../../shared/policy/jurisdiction-policy';
import { ENTITY_DESCRIPTIONS } from '../../shared/graphql/entity-descriptions';

@ObjectType({ description: 'G-05: receipt must be confirmed on the platform within this many hours of warehousing (到货确认时限).' })
export class ReceiptConfirmationPolicy {
  @Field(() => Int, { description: 'Hours between warehousing and confirmation on the platform.' })
  hours: number;

  @Field(() => PolicySource, { description: 'Where this value was set.' })
  source: PolicySource;
}

@ObjectType({ description: 'G-07: most distributors a winning product may have per pooling region (配送企业数量上限).' })
export class DistributorCapPolicy {
  @Field(() => Int, { description: 'Cap for a winning drug.' })
  drugs: number;

  @Field(() => Int, { nullable: true, description: 'Cap for a winning consumable; null when the policy gives none.' })
  consumables: number | null;

  @Field(() => PolicySource, { description: 'Where this value was set.' })
  source: PolicySource;
}

/** The distribution subgraph's part of the jurisdiction policy entity. */
@ObjectType({ description: ENTITY_DESCRIPTIONS.JurisdictionPolicy })
@Directive('@key(fields: "regionCode effectiveOn")')
export class JurisdictionPolicy extends JurisdictionPolicyKey {}

@ObjectType({ description: 'D-04: how long the platform allows from order to delivery before an overdue warning (配送时限).' })
export class DeliveryTimeLimitPolicy {
  @Field(() => Int, { description: 'Standard orders, in hours.' })
  hours: number;

  @Field(() => Int, { nullable: true, description: 'Emergency orders (紧急订单), in hours; null means the standard limit.' })
  emergencyHours: number | null;

  @Field(() => Int, { nullable: true, description: 'Orders of institutions in a registered remote area (偏远地区), in hours; null means the standard limit.' })
  remoteAreaHours: number | null;

  @Field(() => PolicySource, { description: 'Where this value was set.' })
  source: PolicySource;
}
