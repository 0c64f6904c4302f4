import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../shared/graphql/scalars';
import { ProductionStopReason } from './stock.entity';

@InputType({ description: 'One line of a stock report: stock of one product (and batch) in one region.' })
export class StockLineInput {
  @Field(() => ID, { description: 'The product; one the enterprise makes or is authorised to distribute in the region.' })
  productId: string;

  @Field(() => String, { description: 'GB/T 2260 code of the region the stock serves.' })
  regionCode: string;

  @Field(() => String, { nullable: true, description: 'Production batch number (批号), 1–40 letters, digits or hyphens.' })
  batchNumber?: string;

  @Field(() => Int, { description: 'Quantity on hand in the smallest unit, 0 or more.' })
  quantityOnHand: number;

  @Field(() => Int, { nullable: true, description: 'Of which emergency reserve (应急储备); 0 to quantityOnHand. Default 0.' })
  emergencyReserve?: number;
}

@InputType({ description: 'D-05: a stock report of the calling enterprise, thousands of lines in one call, accepted whole or not at all.' })
export class ReportStockInput {
  @Field(() => String, { description: 'Client-chosen key: a retry with the same key and lines returns the first report; the key with other lines is a CONFLICT.' })
  idempotencyKey: string;

  @Field(() => [StockLineInput], { description: 'The lines, 1–20,000. Lines of one product and region are summed.' })
  lines: StockLineInput[];
}

@InputType({ description: 'D-05: the calling manufacturer reports its production capacity for a product.' })
export class ReportCapacityInput {
  @Field(() => ID, { description: 'A product the caller makes.' })
  productId: string;

  @Field(() => String, { description: 'GB/T 2260 code of the region reported to.' })
  regionCode: string;

  @Field(() => Int, { description: 'Units (smallest unit) it can make per month, 1 or more.' })
  monthlyCapacity: number;
}

@InputType({ description: 'D-05: the calling manufacturer reports a production stop (停产报告).' })
export class ReportProductionStopInput {
  @Field(() => ID, { description: 'A product the caller makes.' })
  productId: string;

  @Field(() => [String], { description: 'GB/T 2260 codes of the regions whose supply it affects, 1–50.' })
  regionCodes: string[];

  @Field(() => ProductionStopReason, { description: 'Why production stops.' })
  reason: ProductionStopReason;

  @Field(() => String, { nullable: true, description: 'Details, up to 500 characters.' })
  details?: string;

  @Field(() => DateScalar, { description: 'First day without production.' })
  stoppedFrom: string;

  @Field(() => DateScalar, { nullable: true, description: 'When production is expected to resume; not before stoppedFrom.' })
  expectedResumeOn?: string;
}

@InputType({ description: 'Filters for enterprise reports; all given filters must match, within the caller’s scope.' })
export class EnterpriseReportFilter {
  @Field(() => ID, { nullable: true, description: 'Only this product.' })
  productId?: string;

  @Field(() => ID, { nullable: true, description: 'Only this enterprise’s reports.' })
  enterpriseId?: string;

  @Field(() => String, { nullable: true, description: 'Only regions in or below this GB/T 2260 code.' })
  regionCode?: string;
}
