import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../shared/graphql/scalars';
import { InspectionResult, SamplingStage } from './inspection.entity';

@InputType({ description: 'Filters for inspections; all given filters must match.' })
export class InspectionFilter {
  @Field(() => ID, { nullable: true, description: 'Only inspections of this product.' })
  productId?: string;

  @Field(() => String, { nullable: true, description: 'Only samples taken in this region or below it (GB/T 2260).' })
  regionCode?: string;

  @Field(() => InspectionResult, { nullable: true, description: 'Only this outcome.' })
  result?: InspectionResult;

  @Field(() => SamplingStage, { nullable: true, description: 'Only this sampling stage.' })
  samplingStage?: SamplingStage;

  @Field(() => String, { nullable: true, description: 'Only samples of this production batch number (生产批号).' })
  batchNumber?: string;
}

@InputType({ description: 'A sampling inspection to record (Q-01).' })
export class RecordInspectionInput {
  @Field(() => ID, { description: 'The product sampled.' })
  productId: string;

  @Field(() => ID, { description: 'Its manufacturer (生产企业), from the enterprise register.' })
  manufacturerId: string;

  @Field(() => String, { description: 'Production batch number (生产批号), 1–64 characters.' })
  batchNumber: string;

  @Field(() => SamplingStage, { description: 'Where along the chain the sample was taken.' })
  samplingStage: SamplingStage;

  @Field(() => ID, { nullable: true, description: 'The enterprise or institution on whose premises the sample was taken; it may then read the result.' })
  sampledAtOrgId?: string;

  @Field(() => String, { description: 'GB/T 2260 code of where the sample was taken; within the caller’s jurisdiction.' })
  regionCode: string;

  @Field(() => DateScalar, { description: 'Date of sampling; not in the future.' })
  sampledOn: string;

  @Field(() => InspectionResult, { description: 'Outcome.' })
  result: InspectionResult;

  @Field(() => String, { nullable: true, description: 'Findings (检验结论说明); required when the result is FAILED.' })
  findings?: string;
}
