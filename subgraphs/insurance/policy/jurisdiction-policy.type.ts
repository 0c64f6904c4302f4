import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DecimalScalar } from '../../shared/graphql/scalars';
import { JurisdictionPolicyKey, PolicySource } from '../../shared/policy/jurisdiction-policy';
import { ENTITY_DESCRIPTIONS } from '../../shared/graphql/entity-descriptions';

/** G-04: what starts the clock on an institution's payment to the enterprise. */
export enum PaymentTermBasis {
  DAYS_AFTER_ACCEPTANCE = 'DAYS_AFTER_ACCEPTANCE',
  DAYS_AFTER_ACCEPTANCE_AND_INVOICE = 'DAYS_AFTER_ACCEPTANCE_AND_INVOICE',
  END_OF_FOLLOWING_MONTH = 'END_OF_FOLLOWING_MONTH',
}
registerEnumType(PaymentTermBasis, {
  name: 'PaymentTermBasis',
  description: 'How the payment due date is counted (回款时限), G-04.',
  valuesConfig: {
    DAYS_AFTER_ACCEPTANCE: { description: 'N days after the delivery is accepted (交货验收合格后N天).' },
    DAYS_AFTER_ACCEPTANCE_AND_INVOICE: { description: 'N days after acceptance and the invoice being filed (验收及发票入库后N天).' },
    END_OF_FOLLOWING_MONTH: { description: 'By the last day of the month after acceptance (验收合格后次月底).' },
  },
});

@ObjectType({ description: 'G-01: share of the annual agreed amount the fund prepays to institutions (医保基金预付比例).' })
export class PrepaymentSharePolicy {
  @Field(() => DecimalScalar, { description: 'Share for drugs, e.g. "0.3".' })
  drugs: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Share for consumables; null when the policy gives none.' })
  consumables: string | null;

  @Field(() => Boolean, { description: 'True when the share is a floor ("not less than"), not an exact figure.' })
  isMinimum: boolean;

  @Field(() => PolicySource, { description: 'Where this value was set.' })
  source: PolicySource;
}

@ObjectType({ description: 'G-02: the prepayment is paid within this many days of the agreement being signed (预付时限).' })
export class PrepaymentDeadlinePolicy {
  @Field(() => Int, { description: 'Days after the agreement.' })
  daysAfterAgreement: number;

  @Field(() => PolicySource, { description: 'Where this value was set.' })
  source: PolicySource;
}

@ObjectType({ description: 'G-03: how prepayments are recovered (预付金冲抵与收回).' })
export class PrepaymentRecoveryPolicy {
  @Field(() => Boolean, { description: 'Offset progressively against the institution’s claims (从申请拨付的医疗费用中逐步冲抵).' })
  offsetAgainstClaims: boolean;

  @Field(() => Int, { nullable: true, description: 'Months after the cycle ends within which any leftover is recovered; null when the policy gives none.' })
  leftoverRecoveryMonths: number | null;

  @Field(() => PolicySource, { description: 'Where this value was set.' })
  source: PolicySource;
}

@ObjectType({ description: 'I-05: whether prepayment continues on actual purchases once the agreed volume is complete (完成约定采购量后继续预付).' })
export class PrepaymentContinuationPolicy {
  @Field(() => Boolean, { description: 'True when prepayment continues on actual purchases.' })
  continues: boolean;

  @Field(() => PolicySource, { description: 'Where this value was set.' })
  source: PolicySource;
}

@ObjectType({ description: 'G-04: when an institution must pay the enterprise for an accepted delivery (回款时限).' })
export class PaymentTermPolicy {
  @Field(() => PaymentTermBasis, { description: 'What starts the clock.' })
  basis: PaymentTermBasis;

  @Field(() => Int, { nullable: true, description: 'Days allowed; null for END_OF_FOLLOWING_MONTH.' })
  days: number | null;

  @Field(() => PolicySource, { description: 'Where this value was set.' })
  source: PolicySource;
}

@ObjectType({ description: 'I-07: share of the savings from winning products the institution keeps (结余留用比例).' })
export class SurplusRetentionPolicy {
  @Field(() => DecimalScalar, { description: 'Share kept, e.g. "1" for all of it (Shaoguan: 全部留给医疗机构).' })
  share: string;

  @Field(() => PolicySource, { description: 'Where this value was set.' })
  source: PolicySource;
}

@ObjectType({ description: 'I-08: whether the fund settles directly with enterprises here (医保基金与医药企业直接结算试点).' })
export class DirectSettlementPolicy {
  @Field(() => Boolean, { description: 'True where the region pilots direct settlement: the fund pays enterprises for accepted deliveries.' })
  pilot: boolean;

  @Field(() => PolicySource, { description: 'Where this value was set.' })
  source: PolicySource;
}

/** The insurance subgraph's part of the jurisdiction policy entity. */
@ObjectType({ description: ENTITY_DESCRIPTIONS.JurisdictionPolicy })
@Directive('@key(fields: "regionCode effectiveOn")')
export class JurisdictionPolicy extends JurisdictionPolicyKey {}
