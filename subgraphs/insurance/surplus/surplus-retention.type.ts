import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../shared/graphql/scalars';
import { Product } from '../product/product.stub';

@ObjectType({ description: 'I-07 savings on one winning product bought in the year: the standard before the batch against what was paid.' })
export class SurplusSavingLine {
  productId: string;

  @Field(() => Product, { description: 'The winning product.' })
  product: Product;

  @Field(() => Int, { description: 'Units received (accepted deliveries) in the year.' })
  quantity: number;

  @Field(() => DecimalScalar, { description: 'What those units cost, in yuan.' })
  amountPaid: string;

  @Field(() => DateScalar, { description: 'First day of the batch cycle that made it a winner.' })
  cycleStart: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Payment standard per unit in force the day before the batch cycle (集采前支付标准); null when none was.' })
  baselineStandard: string | null;

  @Field(() => String, { nullable: true, description: 'Region whose standard that was.' })
  baselineRegionCode: string | null;

  @Field(() => DecimalScalar, { description: 'baselineStandard × quantity − amountPaid, in yuan; 0 without a baseline.' })
  savings: string;
}

@ObjectType({ description: 'Completion of one agreed volume (P-05), for the I-07 consequence on next year’s budget.' })
export class AgreedVolumeCompletion {
  productId: string;

  @Field(() => Product, { description: 'The winning product.' })
  product: Product;

  @Field(() => DateScalar, { description: 'First day of the contract year.' })
  contractYearStart: string;

  @Field(() => DateScalar, { description: 'Last day of the contract year.' })
  contractYearEnd: string;

  @Field(() => Int, { description: 'Agreed volume, smallest unit.' })
  agreedQuantity: number;

  @Field(() => Int, { description: 'Units received in the contract year so far.' })
  purchasedQuantity: number;

  @Field(() => DecimalScalar, { description: 'purchasedQuantity ÷ agreedQuantity, to four decimals (1 = complete).' })
  completion: string;

  @Field(() => Boolean, { description: 'True once the contract year has ended.' })
  contractYearEnded: boolean;

  @Field(() => Boolean, { description: 'True when the contract year ended short of the agreed volume.' })
  missed: boolean;
}

/** I-07: what an institution saved by using winning products in a year, what it keeps, and the budget consequence. */
@ObjectType({
  description:
    'Surplus retention (结余留用), I-07: savings from winning products stay with the institution and its budget is not cut for them; institutions that miss agreed volumes get a smaller budget next year (Chongqing). The inputs are shown.',
})
export class SurplusRetention {
  institutionId: string;

  @Field(() => Int, { description: 'The calendar year.' })
  year: number;

  @Field(() => [SurplusSavingLine], { description: 'Savings per winning product bought in the year.' })
  lines: SurplusSavingLine[];

  @Field(() => DecimalScalar, { description: 'Sum of the lines’ savings, in yuan.' })
  totalSavings: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Share of the savings the institution keeps, by policy (Shaoguan: all of it); null when no policy sets one.' })
  retentionShare: string | null;

  @Field(() => String, { nullable: true, description: 'The policy document that set the share.' })
  retentionPolicyDocument: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'totalSavings × retentionShare, in yuan; null without a share.' })
  retainedAmount: string | null;

  @Field(() => [AgreedVolumeCompletion], { description: 'Agreed volumes whose contract year overlaps the year, with their completion.' })
  agreedVolumes: AgreedVolumeCompletion[];

  @Field(() => Boolean, {
    description: 'True when a contract year ended short of its agreed volume: the next year’s budget (医保总额预算) will be reduced (Chongqing). The seeds give no amount, so none is computed.',
  })
  budgetReductionExpected: boolean;
}
