import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../shared/graphql/scalars';
import { PaymentTermBasis } from '../policy/jurisdiction-policy.type';

/** I-06: where a payable stands on a given day. */
export enum SettlementStatus {
  DUE = 'DUE',
  PAID = 'PAID',
  OVERDUE = 'OVERDUE',
}
registerEnumType(SettlementStatus, {
  name: 'SettlementStatus',
  description: 'Where a payable stands on the day asked about (回款状态), I-06.',
  valuesConfig: {
    DUE: { description: 'Unpaid, due date not yet passed (待付).' },
    PAID: { description: 'Paid in full (已付).' },
    OVERDUE: { description: 'Unpaid after its due date (逾期).' },
  },
});

/** I-08: who pays the enterprise for a payable. */
export enum SettlementPayer {
  INSTITUTION = 'INSTITUTION',
  FUND_DIRECT = 'FUND_DIRECT',
}
registerEnumType(SettlementPayer, {
  name: 'SettlementPayer',
  description: 'Who pays the enterprise (结算主体), I-08.',
  valuesConfig: {
    INSTITUTION: { description: 'The institution pays the enterprise (医疗机构结算).' },
    FUND_DIRECT: { description: 'Direct settlement pilot: the insurance fund pays the enterprise on the institution’s behalf (医保基金与医药企业直接结算).' },
  },
});

@ObjectType({ description: 'I-08 as applied to one payable: who pays, and the policy version that said so.' })
export class AppliedSettlementPayer {
  @Field(() => SettlementPayer, { description: 'Who pays the enterprise.' })
  payer: SettlementPayer;

  @Field(() => String, { nullable: true, description: 'GB/T 2260 code of the region whose policy set the pilot flag; null when no policy says (the institution pays).' })
  regionCode: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day that policy version took effect.' })
  effectiveFrom: string | null;

  @Field(() => String, { nullable: true, description: 'The policy document.' })
  document: string | null;
}

@ObjectType({ description: 'G-04 as applied to one payable: the rule and where it came from.' })
export class AppliedPaymentTerm {
  @Field(() => PaymentTermBasis, { description: 'What started the clock.' })
  basis: PaymentTermBasis;

  @Field(() => Int, { nullable: true, description: 'Days allowed; null for END_OF_FOLLOWING_MONTH.' })
  days: number | null;

  @Field(() => String, { description: 'GB/T 2260 code of the region whose policy set the term.' })
  regionCode: string;

  @Field(() => String, { description: 'The policy document.' })
  document: string;
}

/** I-06: the payable an accepted delivery creates, from institution to enterprise. */
@Entity({ name: 'settlement' })
@ObjectType({ description: 'A payable (应付货款) from an institution to the enterprise that delivered, opened when receipt is confirmed, I-06.' })
export class Settlement {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: 'Settlement id.' })
  id: string;

  @Column({ name: 'delivery_id', type: 'uuid' })
  deliveryId: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @Column({ name: 'institution_id', type: 'uuid' })
  institutionId: string;

  @Column({ name: 'enterprise_id', type: 'uuid' })
  enterpriseId: string;

  @Column({ name: 'region_code', type: 'text' })
  @Field(() => String, { description: 'GB/T 2260 code of the paying institution.' })
  regionCode: string;

  @Column({ type: 'numeric' })
  @Field(() => DecimalScalar, { description: 'Amount owed, in yuan.' })
  amount: string;

  @Column({ name: 'accepted_on', type: 'date' })
  @Field(() => DateScalar, { description: 'Day the delivery was accepted into store (验收入库日).' })
  acceptedOn: string;

  @Column({ name: 'due_date', type: 'date' })
  @Field(() => DateScalar, { description: 'Last day to pay, by the region’s G-04 policy on the day of acceptance.' })
  dueDate: string;

  @Column({ name: 'term_basis', type: 'text' })
  termBasis: string;

  @Column({ name: 'term_days', type: 'integer', nullable: true })
  termDays: number | null;

  @Column({ name: 'term_region_code', type: 'text' })
  termRegionCode: string;

  @Column({ name: 'term_document', type: 'text' })
  termDocument: string;

  @Column({ name: 'paid_amount', type: 'numeric' })
  @Field(() => DecimalScalar, { description: 'Amount paid so far, in yuan.' })
  paidAmount: string;

  @Column({ name: 'paid_on', type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'Day it was paid; null while unpaid.' })
  paidOn: string | null;

  @Column({ type: 'integer' })
  @Field(() => Int, { description: 'Row version: bumped by every change; pass it as expectedVersion to refuse a write based on a stale read.' })
  version: number;

  @Column({ type: 'text' })
  payer: SettlementPayer;

  @Column({ name: 'payer_policy_region_code', type: 'text', nullable: true })
  payerPolicyRegionCode: string | null;

  @Column({ name: 'payer_policy_effective_from', type: 'date', nullable: true })
  payerPolicyEffectiveFrom: string | null;

  @Column({ name: 'payer_policy_document', type: 'text', nullable: true })
  payerPolicyDocument: string | null;
}

@Entity({ name: 'settlement_line' })
@ObjectType({ description: 'One product line of a payable.' })
export class SettlementLine {
  @PrimaryColumn({ name: 'settlement_id', type: 'uuid' })
  settlementId: string;

  @PrimaryColumn({ name: 'line_no', type: 'integer' })
  @Field(() => Int, { description: 'Line number of the order.' })
  lineNo: number;

  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  @Field(() => Int, { description: 'Quantity in the smallest unit.' })
  quantity: number;

  @Column({ name: 'unit_price', type: 'numeric' })
  @Field(() => DecimalScalar, { description: 'Price per unit, in yuan.' })
  unitPrice: string;

  @Column({ type: 'numeric' })
  @Field(() => DecimalScalar, { description: 'Line amount, in yuan.' })
  amount: string;
}
