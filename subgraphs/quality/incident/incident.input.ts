import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../shared/graphql/scalars';
import { IncidentKind, IncidentLiability, IncidentState } from './incident.entity';

@InputType({ description: 'A quality or supply failure to open (Q-02).' })
export class OpenIncidentInput {
  @Field(() => ID, { description: 'The winning product that failed.' })
  productId: string;

  @Field(() => ID, { description: 'The failing winner (中选企业), from the enterprise register.' })
  enterpriseId: string;

  @Field(() => String, { description: 'GB/T 2260 code of where it occurred; within the caller’s jurisdiction.' })
  regionCode: string;

  @Field(() => IncidentKind, { description: 'Quality or supply failure.' })
  kind: IncidentKind;

  @Field(() => String, { description: 'What happened, 1–2000 characters.' })
  description: string;

  @Field(() => DateScalar, { description: 'When it occurred; not in the future.' })
  occurredOn: string;

  @Field(() => ID, { nullable: true, description: 'The substitute supplier (替代供应企业), from the enterprise register.' })
  substituteSupplierId?: string;

  @Field(() => String, { nullable: true, description: 'The emergency supply plan (应急供应预案), up to 2000 characters.' })
  emergencySupplyPlan?: string;
}

@InputType({ description: 'Closes an incident with a decision on liability (Q-02).' })
export class ResolveIncidentInput {
  @Field(() => ID, { description: 'The incident.' })
  incidentId: string;

  @Field(() => Int, { description: 'The version read; a different current version is a CONFLICT.' })
  expectedVersion: number;

  @Field(() => IncidentLiability, { description: 'Who bears the replacement cost.' })
  liability: IncidentLiability;

  @Field(() => DecimalScalar, { nullable: true, description: 'Replacement cost owed by the winner in yuan, > 0 and at most 2 decimals; required when WINNER_LIABLE, omitted under FORCE_MAJEURE.' })
  replacementCost?: string;

  @Field(() => DateScalar, { nullable: true, description: 'When the winner paid it; omitted while unpaid.' })
  replacementCostPaidOn?: string;

  @Field(() => String, { description: 'How it was resolved, 1–2000 characters.' })
  resolution: string;

  @Field(() => ID, { nullable: true, description: 'The substitute supplier, if it changed or was not recorded at opening.' })
  substituteSupplierId?: string;
}

@InputType({ description: 'Filters for incidents; all given filters must match.' })
export class IncidentFilter {
  @Field(() => IncidentState, { nullable: true, description: 'Only incidents in this state.' })
  state?: IncidentState;

  @Field(() => IncidentKind, { nullable: true, description: 'Only this kind.' })
  kind?: IncidentKind;

  @Field(() => ID, { nullable: true, description: 'Only incidents of this failing enterprise.' })
  enterpriseId?: string;

  @Field(() => String, { nullable: true, description: 'Only incidents in this region or below it.' })
  regionCode?: string;
}

@InputType({ description: 'Records that the winner paid an incident’s replacement cost (Q-02); a paid incident can no longer make it dishonest (Q-03).' })
export class RecordReplacementCostPaymentInput {
  @Field(() => ID, { description: 'The resolved incident.' })
  incidentId: string;

  @Field(() => Int, { description: 'The version read; a different current version is a CONFLICT.' })
  expectedVersion: number;

  @Field(() => DateScalar, { description: 'When the winner paid; not in the future.' })
  paidOn: string;
}
