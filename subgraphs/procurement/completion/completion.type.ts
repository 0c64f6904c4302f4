import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../shared/graphql/scalars';
import { PageInfo } from '../../shared/graphql/pagination';

/** P-05: one institution's progress on one winning product in the contract year containing the day asked about. */
@ObjectType({ description: 'Completion of one agreed volume (约定采购量完成进度), P-05: purchased ÷ agreed, against the share of the contract year elapsed (按时序推进).' })
export class CompletionItem {
  agreedVolumeId: string;
  institutionId: string;
  winningProductId: string;

  @Field(() => DateScalar, { description: 'First day of the contract year.' })
  contractYearStart: string;

  @Field(() => DateScalar, { description: 'Last day of the contract year.' })
  contractYearEnd: string;

  @Field(() => Int, { description: 'Agreed quantity, smallest unit.' })
  agreedQuantity: number;

  @Field(() => Int, { description: 'Quantity bought from the contract year’s start to the day asked about, in orders not cancelled.' })
  purchasedQuantity: number;

  @Field(() => DecimalScalar, { nullable: true, description: 'purchased ÷ agreed, 4 decimal places (may exceed 1: the agreed volume is a floor); null when nothing is agreed.' })
  completionRate: string | null;

  @Field(() => DecimalScalar, { description: 'Share of the contract year elapsed by the day asked about (days, inclusive), 4 decimal places.' })
  expectedRate: string;

  @Field(() => Boolean, { description: 'True when completion is behind the elapsed share of the year (进度滞后).' })
  lagging: boolean;
}

/** P-05 per institution, over all its winning products of the batch, weighted by amount at the winning price. */
@ObjectType({ description: 'One institution’s completion over all its agreed volumes of the batch, by amount at the winning price (P-05).' })
export class InstitutionCompletion {
  institutionId: string;

  @Field(() => Int, { description: 'How many agreed volumes it has in the batch and contract year.' })
  agreedVolumes: number;

  @Field(() => Int, { description: 'How many of them lag.' })
  laggingVolumes: number;

  @Field(() => DecimalScalar, { description: 'Sum of agreed quantity × winning price, in yuan.' })
  agreedAmount: string;

  @Field(() => DecimalScalar, { description: 'Sum of purchased quantity × winning price, in yuan.' })
  purchasedAmount: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'purchasedAmount ÷ agreedAmount, 4 decimal places; null when nothing is agreed.' })
  completionRate: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Elapsed share of the contract year, weighted by agreed amount, 4 decimal places.' })
  expectedRate: string | null;

  @Field(() => Boolean, { description: 'True when any of its agreed volumes lags.' })
  lagging: boolean;
}

@ObjectType({ description: 'A page of per-institution completion.' })
export class InstitutionCompletionConnection {
  @Field(() => [InstitutionCompletion], { description: 'The institutions of this page, ordered by id.' })
  nodes: InstitutionCompletion[];

  @Field(() => PageInfo, { description: 'Where this page ends and whether more follow.' })
  pageInfo: PageInfo;
}

/** P-05 over a whole region. */
@ObjectType({ description: 'Completion over the whole region asked about (P-05), within the caller’s scope.' })
export class CompletionSummary {
  @Field(() => Int, { description: 'Institutions with agreed volumes.' })
  institutions: number;

  @Field(() => Int, { description: 'Institutions with at least one lagging agreed volume.' })
  laggingInstitutions: number;

  @Field(() => Int, { description: 'Agreed volumes.' })
  agreedVolumes: number;

  @Field(() => Int, { description: 'Lagging agreed volumes.' })
  laggingVolumes: number;

  @Field(() => DecimalScalar, { description: 'Sum of agreed quantity × winning price, in yuan.' })
  agreedAmount: string;

  @Field(() => DecimalScalar, { description: 'Sum of purchased quantity × winning price, in yuan.' })
  purchasedAmount: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'purchasedAmount ÷ agreedAmount, 4 decimal places; null when nothing is agreed.' })
  completionRate: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Elapsed share of the contract year, weighted by agreed amount, 4 decimal places.' })
  expectedRate: string | null;
}

/** The answer of `completionProgress`: one page of items, with the per-institution and regional aggregates on demand. */
@ObjectType({ description: 'Agreed-volume completion of one batch in a region on a day (约定采购量完成情况), P-05.' })
export class CompletionProgress {
  batchId: string;

  @Field(() => String, { description: 'The region asked about (GB/T 2260).' })
  regionCode: string;

  @Field(() => DateScalar, { description: 'The day progress is measured at.' })
  asOf: string;

  @Field(() => [CompletionItem], { description: 'Per institution × winning product, ordered by agreed volume id.' })
  nodes: CompletionItem[];

  @Field(() => PageInfo, { description: 'Where this page of items ends and whether more follow.' })
  pageInfo: PageInfo;
}
