import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DecimalScalar } from '../../shared/graphql/scalars';
import { JurisdictionPolicyKey, PolicySource } from '../../shared/policy/jurisdiction-policy';
import { ENTITY_DESCRIPTIONS } from '../../shared/graphql/entity-descriptions';

/** G-10: how contract years are renewed. */
export enum ContractRenewalRule {
  HALF_YEAR_ALIGNED = 'HALF_YEAR_ALIGNED',
  CONTRACT_ANNIVERSARY = 'CONTRACT_ANNIVERSARY',
}
registerEnumType(ContractRenewalRule, {
  name: 'ContractRenewalRule',
  description: 'How contract years renew (续约续签), G-10.',
  valuesConfig: {
    HALF_YEAR_ALIGNED: { description: 'Started in January–June → renews 1 July; started July–December → renews 1 January next year (Shanxi).' },
    CONTRACT_ANNIVERSARY: { description: 'Renews on the anniversary of the contract start.' },
  },
});

/** G-11: how often something happens. */
export enum Cadence {
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
  YEARLY = 'YEARLY',
}
registerEnumType(Cadence, {
  name: 'Cadence',
  description: 'A recurring period (周期).',
  valuesConfig: {
    MONTHLY: { description: 'Every month (按月).' },
    QUARTERLY: { description: 'Every quarter (按季度).' },
    YEARLY: { description: 'Every year (按年度).' },
  },
});

@ObjectType({ description: 'G-06: filed (off-list) purchases must be registered on the platform within this many working days (备案采购登记时限).' })
export class FiledPurchaseRegistrationPolicy {
  @Field(() => Int, { description: 'Working days allowed between the purchase and its registration.' })
  workingDays: number;

  @Field(() => PolicySource, { description: 'Where this value was set.' })
  source: PolicySource;
}

@ObjectType({ description: 'G-09: how agreed volumes are set (约定采购量确定依据).' })
export class AgreedVolumeBasisPolicy {
  @Field(() => String, { description: 'The basis in the policy’s own words, e.g. last year’s actual use, stock and trend.' })
  description: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Lowest share of last year’s total use the agreed volume may be, e.g. "0.6"; null when the policy gives none.' })
  minShareOfLastYearUse: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Highest share of last year’s total use, e.g. "0.7"; null when the policy gives none.' })
  maxShareOfLastYearUse: string | null;

  @Field(() => PolicySource, { description: 'Where this value was set.' })
  source: PolicySource;
}

@ObjectType({ description: 'G-10: when contract years renew (续约续签时间).' })
export class ContractRenewalPolicy {
  @Field(() => ContractRenewalRule, { description: 'The renewal rule.' })
  rule: ContractRenewalRule;

  @Field(() => PolicySource, { description: 'Where this value was set.' })
  source: PolicySource;
}

@ObjectType({ description: 'G-11: how often progress is monitored, assessed and settled (监测/考核/结算周期).' })
export class MonitoringCadencePolicy {
  @Field(() => Cadence, { description: 'How often agreed-volume progress is monitored.' })
  monitoring: Cadence;

  @Field(() => Cadence, { nullable: true, description: 'How often institutions are assessed; null when the policy says nothing.' })
  assessment: Cadence | null;

  @Field(() => Cadence, { nullable: true, description: 'How often the fund settles with institutions; null when the policy says nothing.' })
  settlement: Cadence | null;

  @Field(() => PolicySource, { description: 'Where this value was set.' })
  source: PolicySource;
}

/**
 * The jurisdiction policy in force in a region on a date. Each subgraph contributes the section G
 * parameters it owns; every value is inherited district → city → province → national default.
 */
@ObjectType({ description: ENTITY_DESCRIPTIONS.JurisdictionPolicy })
@Directive('@key(fields: "regionCode effectiveOn")')
export class JurisdictionPolicy extends JurisdictionPolicyKey {}
