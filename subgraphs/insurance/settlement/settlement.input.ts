import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../shared/graphql/scalars';
import { SettlementStatus } from './settlement.entity';

@InputType({ description: 'Filters for payables; all given filters must match, within the caller’s scope.' })
export class SettlementFilter {
  @Field(() => SettlementStatus, { nullable: true, description: 'Only payables in this status on `asOf`.' })
  status?: SettlementStatus;

  @Field(() => ID, { nullable: true, description: 'Only this institution’s payables.' })
  institutionId?: string;

  @Field(() => ID, { nullable: true, description: 'Only this enterprise’s receivables.' })
  enterpriseId?: string;

  @Field(() => String, { nullable: true, description: 'Only payables of institutions in this region or below it (GB/T 2260).' })
  regionCode?: string;

  @Field(() => DateScalar, { nullable: true, description: 'The day statuses are judged on; default today in China.' })
  asOf?: string;
}

@InputType({ description: 'An institution pays a payable in full (I-06).' })
export class RecordPaymentInput {
  @Field(() => ID, { description: 'The payable paid.' })
  settlementId: string;

  @Field(() => DecimalScalar, { description: 'Amount paid, in yuan; must equal the amount owed.' })
  amount: string;

  @Field(() => DateScalar, { nullable: true, description: 'Day of payment; default today in China. Not before acceptance, not in the future.' })
  paidOn?: string;

  @Field(() => String, { description: 'Client-chosen key (8–128 characters): a retry with the same key and body returns the first result; the same key with another body is a CONFLICT.' })
  idempotencyKey: string;

  @Field(() => Int, { nullable: true, description: 'The payable version the caller read; a different current version is a CONFLICT (nothing written).' })
  expectedVersion?: number;
}
