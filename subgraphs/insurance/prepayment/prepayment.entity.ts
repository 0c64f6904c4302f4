import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../shared/graphql/scalars';

const bigintAsNumber = { to: (v: number) => v, from: (v: string) => Number(v) };

/** I-05 with G-02: whether the fund has paid the prepayment out, judged on a day. */
export enum PrepaymentStatus {
  DUE = 'DUE',
  PAID = 'PAID',
  OVERDUE = 'OVERDUE',
}
registerEnumType(PrepaymentStatus, {
  name: 'PrepaymentStatus',
  description: 'Whether the fund has paid a prepayment out (预付金拨付状态), judged on the day asked about (G-02).',
  valuesConfig: {
    DUE: { description: 'Not yet paid out; its G-02 deadline (if any) has not passed (待拨付).' },
    PAID: { description: 'Paid out to the institution (已拨付).' },
    OVERDUE: { description: 'Not paid out after its G-02 deadline (逾期未拨付).' },
  },
});

/** The kinds of ledger entry of a prepayment (I-05, G-03). */
export enum PrepaymentEntryKind {
  PREPAYMENT = 'PREPAYMENT',
  TOP_UP = 'TOP_UP',
  CONTINUATION = 'CONTINUATION',
  OFFSET = 'OFFSET',
  RECOVERY = 'RECOVERY',
}
registerEnumType(PrepaymentEntryKind, {
  name: 'PrepaymentEntryKind',
  description: 'A movement of a prepayment ledger (预付金台账): credits raise the balance, OFFSET and RECOVERY lower it.',
  valuesConfig: {
    PREPAYMENT: { description: 'The prepayment paid out: the G-01 share of the agreed amount (预付).' },
    TOP_UP: { description: 'Extra prepayment because the agreed volume was raised (追加预付).' },
    CONTINUATION: { description: 'I-05: prepayment on actual purchases beyond the completed agreed volume (超量部分继续预付).' },
    OFFSET: { description: 'Offset against the institution’s claim on the fund (从医疗费用中冲抵), G-03.' },
    RECOVERY: { description: 'Recovered by the fund: the agreed volume was lowered, or the leftover after the cycle (收回), G-03.' },
  },
});

@ObjectType({ description: 'The policy versions a prepayment was set up under (G-01, G-02, G-03, I-05); a later change of policy does not alter them.' })
export class AppliedPrepaymentPolicy {
  @Field(() => DecimalScalar, { description: 'G-01 share of the agreed amount applied.' })
  share: string;

  @Field(() => String, { description: 'GB/T 2260 code of the region whose policy set the share.' })
  shareRegionCode: string;

  @Field(() => DateScalar, { description: 'The day that policy version took effect.' })
  shareEffectiveFrom: string;

  @Field(() => String, { description: 'The policy document that set the share.' })
  shareDocument: string;

  @Field(() => Int, { nullable: true, description: 'G-02 days after the agreement to pay it out; null when no policy sets a deadline.' })
  deadlineDays: number | null;

  @Field(() => String, { nullable: true, description: 'The policy document that set the G-02 deadline.' })
  deadlineDocument: string | null;

  @Field(() => String, { nullable: true, description: 'The policy document that set the G-03 leftover recovery deadline.' })
  recoveryDocument: string | null;

  @Field(() => Boolean, { description: 'I-05: prepayment continues on actual purchases after the agreed volume is complete.' })
  continuesAfterCompletion: boolean;
}

/** I-05: the fund's prepayment to an institution for one agreed volume (one winning product, one contract year). */
@Entity({ name: 'prepayment' })
@ObjectType({ description: 'A medical-insurance fund prepayment (医保基金预付金) to an institution for one agreed volume, with its ledger (I-05).' })
export class Prepayment {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: 'Prepayment id.' })
  id: string;

  @Column({ name: 'agreed_volume_id', type: 'uuid' })
  agreedVolumeId: string;

  @Column({ name: 'institution_id', type: 'uuid' })
  institutionId: string;

  @Column({ name: 'region_code', type: 'text' })
  @Field(() => String, { description: 'GB/T 2260 code of the institution.' })
  regionCode: string;

  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'DRUG or CONSUMABLE: G-01 sets a share for each.' })
  kind: string;

  @Column({ name: 'contract_year_start', type: 'date' })
  @Field(() => DateScalar, { description: 'First day of the contract year (协议期).' })
  contractYearStart: string;

  @Column({ name: 'contract_year_end', type: 'date' })
  @Field(() => DateScalar, { description: 'Last day of the contract year.' })
  contractYearEnd: string;

  @Column({ name: 'agreed_on', type: 'date' })
  @Field(() => DateScalar, { description: 'Day the agreement was signed; G-02 counts from it.' })
  agreedOn: string;

  @Column({ name: 'agreed_quantity', type: 'bigint', transformer: bigintAsNumber })
  @Field(() => Int, { description: 'The agreed volume now in force, in the smallest unit.' })
  agreedQuantity: number;

  @Column({ name: 'agreed_amount', type: 'numeric' })
  @Field(() => DecimalScalar, { description: 'Agreed volume × winning price, in yuan (年度约定采购金额).' })
  agreedAmount: string;

  @Column({ type: 'numeric' })
  share: string;

  @Column({ name: 'share_policy_region_code', type: 'text' })
  sharePolicyRegionCode: string;

  @Column({ name: 'share_policy_effective_from', type: 'date' })
  sharePolicyEffectiveFrom: string;

  @Column({ name: 'share_policy_document', type: 'text' })
  sharePolicyDocument: string;

  @Column({ name: 'target_amount', type: 'numeric' })
  @Field(() => DecimalScalar, { description: 'G-01 share × agreed amount: what the agreement calls for prepaying, in yuan.' })
  targetAmount: string;

  @Column({ name: 'due_date', type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'G-02: last day to pay it out; null when no policy sets a deadline.' })
  dueDate: string | null;

  @Column({ name: 'deadline_days', type: 'integer', nullable: true })
  deadlineDays: number | null;

  @Column({ name: 'deadline_policy_document', type: 'text', nullable: true })
  deadlinePolicyDocument: string | null;

  @Column({ name: 'recovery_due_by', type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'G-03: the leftover must be recovered by this day (months after the contract year ends); null when no policy says.' })
  recoveryDueBy: string | null;

  @Column({ name: 'recovery_policy_document', type: 'text', nullable: true })
  recoveryPolicyDocument: string | null;

  @Column({ name: 'continues_after_completion', type: 'boolean' })
  continuesAfterCompletion: boolean;

  @Column({ name: 'disbursed_on', type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'Day the fund paid it out; null while not paid.' })
  disbursedOn: string | null;

  @Column({ type: 'numeric' })
  @Field(() => DecimalScalar, { description: 'Prepaid balance still with the institution: credits minus offsets and recoveries, in yuan (never below zero).' })
  balance: string;

  @Column({ type: 'integer' })
  @Field(() => Int, { description: 'Row version: bumped by every change; pass it as expectedVersion to refuse a write based on a stale read.' })
  version: number;
}

@Entity({ name: 'prepayment_entry' })
@ObjectType({ description: 'One movement of a prepayment ledger; entries are never changed or removed.' })
export class PrepaymentEntry {
  @PrimaryColumn({ name: 'prepayment_id', type: 'uuid' })
  prepaymentId: string;

  @PrimaryColumn({ name: 'entry_no', type: 'integer' })
  @Field(() => Int, { description: 'Position in the ledger, from 1.' })
  entryNo: number;

  @Column({ type: 'text' })
  @Field(() => PrepaymentEntryKind, { description: 'What moved.' })
  kind: PrepaymentEntryKind;

  @Column({ type: 'numeric' })
  @Field(() => DecimalScalar, { description: 'Amount moved, in yuan (positive; the kind gives the direction).' })
  amount: string;

  @Column({ name: 'balance_after', type: 'numeric' })
  @Field(() => DecimalScalar, { description: 'Balance after this entry, in yuan.' })
  balanceAfter: string;

  @Column({ name: 'entry_on', type: 'date' })
  @Field(() => DateScalar, { description: 'Day of the movement.' })
  entryOn: string;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Why, in words, with the rule.' })
  reason: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The claim, delivery line or agreed-volume change it answers to.' })
  reference: string | null;

  @Column({ name: 'policy_region_code', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Region of the policy version the entry was made under.' })
  policyRegionCode: string | null;

  @Column({ name: 'policy_effective_from', type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'The day that policy version took effect.' })
  policyEffectiveFrom: string | null;
}
