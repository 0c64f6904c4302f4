import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../shared/graphql/scalars';

@InputType({ description: 'Sets the agreed volume of an institution for a winning product in one contract year (P-04).' })
export class SetAgreedVolumeInput {
  @Field(() => ID, { description: 'The institution; it must lie in a pooling region of the winning product’s batch.' })
  institutionId: string;

  @Field(() => ID, { description: 'The winning product.' })
  winningProductId: string;

  @Field(() => DateScalar, { nullable: true, description: 'Any day of the contract year meant; default today (China).' })
  contractYearOn?: string;

  @Field(() => Int, { description: 'Agreed quantity in the smallest unit, a whole number ≥ 1.' })
  quantity: number;

  @Field(() => Int, { nullable: true, description: 'The version read before changing an existing agreed volume; a stale one is a CONFLICT. Omit when setting a new one.' })
  expectedVersion?: number;
}

@InputType({ description: 'Moves agreed volume from one member unit of a county medical community to another (P-06).' })
export class ReallocateAgreedVolumeInput {
  @Field(() => ID, { description: 'The winning product whose volume moves.' })
  winningProductId: string;

  @Field(() => DateScalar, { nullable: true, description: 'Any day of the contract year meant; default today (China).' })
  contractYearOn?: string;

  @Field(() => ID, { description: 'The member that gives up volume; it must keep zero or more.' })
  fromInstitutionId: string;

  @Field(() => ID, { description: 'The member that takes it over, of the same medical community.' })
  toInstitutionId: string;

  @Field(() => Int, { description: 'Quantity to move, a whole number ≥ 1.' })
  quantity: number;
}

@InputType({ description: 'Filters for agreed volumes; all given filters must match, within the caller’s scope.' })
export class AgreedVolumeFilter {
  @Field(() => ID, { nullable: true, description: 'Only this institution’s.' })
  institutionId?: string;

  @Field(() => ID, { nullable: true, description: 'Only this batch’s.' })
  batchId?: string;

  @Field(() => ID, { nullable: true, description: 'Only this winning product’s.' })
  winningProductId?: string;

  @Field(() => String, { nullable: true, description: 'Only institutions in this region or below it.' })
  regionCode?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Only the contract year containing this day.' })
  contractYearOn?: string;
}

@InputType({ description: 'Filters for the reallocation history; all given filters must match, within the caller’s scope.' })
export class ReallocationFilter {
  @Field(() => ID, { nullable: true, description: 'Only this medical community’s.' })
  medicalCommunityId?: string;

  @Field(() => ID, { nullable: true, description: 'Only moves of this winning product.' })
  winningProductId?: string;
}
