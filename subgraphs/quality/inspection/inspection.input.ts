import { Field, ID, InputType } from 'type-graphql';
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
}
