import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../shared/graphql/scalars';

export enum IncidentKind {
  QUALITY_FAILURE = 'QUALITY_FAILURE',
  SUPPLY_FAILURE = 'SUPPLY_FAILURE',
}
registerEnumType(IncidentKind, {
  name: 'IncidentKind',
  description: 'What failed (Q-02).',
  valuesConfig: {
    QUALITY_FAILURE: { description: 'A quality problem of the winning product (质量问题).' },
    SUPPLY_FAILURE: { description: 'The winner failed to supply (供应问题).' },
  },
});

export enum IncidentState {
  OPEN = 'OPEN',
  RESOLVED = 'RESOLVED',
}
registerEnumType(IncidentState, {
  name: 'IncidentState',
  description: 'Where an incident stands.',
  valuesConfig: {
    OPEN: { description: 'Being handled; substitute supply may be in place.' },
    RESOLVED: { description: 'Closed with a decision on liability and replacement cost.' },
  },
});

export enum IncidentLiability {
  WINNER_LIABLE = 'WINNER_LIABLE',
  FORCE_MAJEURE = 'FORCE_MAJEURE',
}
registerEnumType(IncidentLiability, {
  name: 'IncidentLiability',
  description: 'Who bears the extra cost of replacement (Q-02).',
  valuesConfig: {
    WINNER_LIABLE: { description: 'The failing winner owes the replacement cost (中选企业承担药品替换产生的额外费用).' },
    FORCE_MAJEURE: { description: 'Force majeure (不可抗力): no replacement cost is owed.' },
  },
});

/** a quality or supply failure of a winner and how it was handled. */
@ObjectType({ description: 'A quality or supply failure of a winning enterprise (质量和供应问题), with the substitute supply and who pays, Q-02.' })
export class Incident {
  @Field(() => ID, { description: 'Incident id.' })
  id: string;

  productId: string;
  enterpriseId: string;
  substituteSupplierId: string | null;

  @Field(() => String, { description: 'GB/T 2260 code of the region where the failure occurred.' })
  regionCode: string;

  @Field(() => IncidentKind, { description: 'Quality or supply failure.' })
  kind: IncidentKind;

  @Field(() => String, { description: 'What happened.' })
  description: string;

  @Field(() => DateScalar, { description: 'When it occurred.' })
  occurredOn: string;

  @Field(() => String, { nullable: true, description: 'The emergency supply plan (应急供应预案) in force; null when none was recorded.' })
  emergencySupplyPlan: string | null;

  @Field(() => IncidentState, { description: 'Open or resolved.' })
  state: IncidentState;

  @Field(() => IncidentLiability, { nullable: true, description: 'Who bears the replacement cost; null while open.' })
  liability: IncidentLiability | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Replacement cost owed by the winner, in yuan; 0 under force majeure; null while open.' })
  replacementCost: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When the winner paid the replacement cost; null while unpaid (Q-03: refusing to pay is dishonest).' })
  replacementCostPaidOn: string | null;

  @Field(() => String, { nullable: true, description: 'How it was resolved; null while open.' })
  resolution: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When it was resolved; null while open.' })
  resolvedOn: string | null;

  @Field(() => Int, { description: 'Version for optimistic concurrency: pass it as expectedVersion when resolving.' })
  version: number;
}

/** The columns of quality.incident as an Incident. */
export const INCIDENT_COLUMNS = `i.id, i.product_id AS "productId", i.enterprise_id AS "enterpriseId", i.substitute_supplier_id AS "substituteSupplierId",
  i.region_code AS "regionCode", i.kind, i.description, i.occurred_on::text AS "occurredOn", i.emergency_supply_plan AS "emergencySupplyPlan",
  i.state, i.liability, i.replacement_cost::text AS "replacementCost", i.replacement_cost_paid_on::text AS "replacementCostPaidOn",
  i.resolution, i.resolved_on::text AS "resolvedOn", i.version`;
