import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../shared/graphql/scalars';
import { PrepaymentStatus } from './prepayment.entity';

@InputType({ description: 'Filters for prepayments; all given filters must match, within the caller’s scope.' })
export class PrepaymentFilter {
  @Field(() => PrepaymentStatus, { nullable: true, description: 'Only prepayments in this status on `asOf`.' })
  status?: PrepaymentStatus;

  @Field(() => ID, { nullable: true, description: 'Only this institution’s prepayments.' })
  institutionId?: string;

  @Field(() => ID, { nullable: true, description: 'Only prepayments for this product.' })
  productId?: string;

  @Field(() => String, { nullable: true, description: 'Only institutions in this region or below it (GB/T 2260).' })
  regionCode?: string;

  @Field(() => DateScalar, { nullable: true, description: 'The day statuses are judged on; default today in China.' })
  asOf?: string;
}

@InputType({ description: 'The fund pays a prepayment out to the institution (I-05, G-02).' })
export class RecordPrepaymentDisbursementInput {
  @Field(() => ID, { description: 'The prepayment paid out.' })
  prepaymentId: string;

  @Field(() => DateScalar, { nullable: true, description: 'Day paid out; default today in China. Not before the agreement, not in the future.' })
  disbursedOn?: string;

  @Field(() => String, { description: 'Client-chosen key (8–128 characters): a retry with the same key and body returns the first result; the same key with another body is a CONFLICT.' })
  idempotencyKey: string;

  @Field(() => Int, { nullable: true, description: 'The prepayment version the caller read; a different current version is a CONFLICT (nothing written).' })
  expectedVersion?: number;
}

@InputType({ description: 'Offsets part of a prepayment against the institution’s claim on the fund (I-05, G-03).' })
export class RecordClaimOffsetInput {
  @Field(() => ID, { description: 'The prepayment offset.' })
  prepaymentId: string;

  @Field(() => DecimalScalar, { description: 'Amount offset, in yuan; at most the prepaid balance.' })
  amount: string;

  @Field(() => String, { description: 'The claim (医疗费用拨付申请) it is offset against: 6–64 letters, digits, -, _ or /.' })
  claimReference: string;

  @Field(() => DateScalar, { nullable: true, description: 'Day of the offset; default today in China. Not before the payout, not in the future, and a policy must be in force.' })
  offsetOn?: string;

  @Field(() => String, { description: 'Client-chosen key (8–128 characters): a retry with the same key and body returns the first result; the same key with another body is a CONFLICT.' })
  idempotencyKey: string;
}

@InputType({ description: 'Recovers what is left of a prepayment after its contract year (G-03).' })
export class RecoverPrepaymentLeftoverInput {
  @Field(() => ID, { description: 'The prepayment.' })
  prepaymentId: string;

  @Field(() => DateScalar, { nullable: true, description: 'Day of the recovery; default today in China. After the contract year ends, not in the future.' })
  recoveredOn?: string;

  @Field(() => String, { description: 'Client-chosen key (8–128 characters): a retry with the same key and body returns the first result; the same key with another body is a CONFLICT.' })
  idempotencyKey: string;
}
