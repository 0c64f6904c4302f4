import { auditTrailPermissions } from '../shared/audit/audit-trail.permissions';
import { Department, Role } from '../shared/auth/identity';
import { allowWhen, federationRules, fields, hasRole, isAuthenticated, isRegulatorOf } from '../shared/auth/permissions';

/**
 * Payables are seen by the institution that owes, the enterprise owed (rows scoped in settlement.scope.ts)
 * and the insurance and finance regulators; other departments will see aggregates only.
 */
const settlementReaders = allowWhen('settlementReaders', (identity) =>
  identity.role === Role.REGULATOR
    ? identity.department === Department.MEDICAL_INSURANCE || identity.department === Department.FINANCE
    : identity.role !== Role.SERVICE,
);

/** Who reads this subgraph's audit trail (issue 8): the departments that supervise its data. */
const auditTrail = auditTrailPermissions('insurance', Department.MEDICAL_INSURANCE, Department.FINANCE);

/**
 * Prepayments and an institution's surplus are seen by the institution itself and the insurance and finance
 * regulators of its region (rows scoped in prepayment.scope.ts and surplus-retention.ts); not by enterprises.
 */
const prepaymentReaders = allowWhen('prepaymentReaders', (identity) =>
  identity.role === Role.REGULATOR
    ? identity.department === Department.MEDICAL_INSURANCE || identity.department === Department.FINANCE
    : identity.role === Role.INSTITUTION,
);

/** The fund's operations on prepayments are the medical insurance bureau's (医保经办机构). */
const fundOperator = isRegulatorOf(Department.MEDICAL_INSURANCE);

/** The insurance subgraph's access matrix, field by field; anything unnamed is denied. */
export const insurancePermissions = {
  Query: {
    ...federationRules.Query,
    ...auditTrail.query,
    paymentStandards: isAuthenticated,
    paymentStandard: isAuthenticated,
    settlements: settlementReaders,
    settlementStatus: settlementReaders,
    patientShare: isAuthenticated,
    prepayments: prepaymentReaders,
    surplusRetention: prepaymentReaders,
    // An aggregate per institution: every regulator department may read it for its region (I-06).
    paymentTimelinessRanking: hasRole(Role.REGULATOR),
  },
  Mutation: {
    recordPayment: hasRole(Role.INSTITUTION),
    recordPrepaymentDisbursement: fundOperator,
    recordClaimOffset: fundOperator,
    recoverPrepaymentLeftover: fundOperator,
  },
  _Service: federationRules._Service,
  ...auditTrail.types,
  // Payment standards are published prices; hospitals, enterprises and every department read them.
  PaymentStandard: fields(isAuthenticated, 'id', 'product', 'regionCode', 'amount', 'unit', 'rule', 'basis', 'effectiveFrom', 'effectiveTo', 'derived'),
  PatientShare: fields(
    isAuthenticated,
    'product', 'regionCode', 'on', 'unitPrice', 'quantity', 'standard', 'fundUnitAmount', 'patientUnitAmount', 'fundAmount', 'patientAmount', 'totalAmount', 'explanation',
  ),
  Prepayment: fields(
    prepaymentReaders,
    'id', 'regionCode', 'kind', 'contractYearStart', 'contractYearEnd', 'agreedOn', 'agreedQuantity', 'agreedAmount', 'targetAmount', 'dueDate',
    'recoveryDueBy', 'disbursedOn', 'balance', 'version', 'status', 'asOf', 'policy', 'institution', 'product', 'entries',
  ),
  PrepaymentEntry: fields(prepaymentReaders, 'entryNo', 'kind', 'amount', 'balanceAfter', 'entryOn', 'reason', 'reference', 'policyRegionCode', 'policyEffectiveFrom'),
  PrepaymentConnection: fields(prepaymentReaders, 'nodes', 'pageInfo'),
  AppliedPrepaymentPolicy: fields(
    prepaymentReaders,
    'share', 'shareRegionCode', 'shareEffectiveFrom', 'shareDocument', 'deadlineDays', 'deadlineDocument', 'recoveryDocument', 'continuesAfterCompletion',
  ),
  PaymentTimelinessRank: fields(
    hasRole(Role.REGULATOR),
    'rank', 'position', 'payables', 'paidCount', 'overdueCount', 'overdueAmount', 'averageDaysToPay', 'judgedOn', 'institution',
  ),
  PaymentTimelinessRankConnection: fields(hasRole(Role.REGULATOR), 'nodes', 'pageInfo'),
  SurplusRetention: fields(
    prepaymentReaders,
    'year', 'lines', 'totalSavings', 'retentionShare', 'retentionPolicyDocument', 'retainedAmount', 'agreedVolumes', 'budgetReductionExpected', 'institution',
  ),
  SurplusSavingLine: fields(prepaymentReaders, 'product', 'quantity', 'amountPaid', 'cycleStart', 'baselineStandard', 'baselineRegionCode', 'savings'),
  AgreedVolumeCompletion: fields(
    prepaymentReaders,
    'product', 'contractYearStart', 'contractYearEnd', 'agreedQuantity', 'purchasedQuantity', 'completion', 'contractYearEnded', 'missed',
  ),
  PaymentStandardConnection: fields(isAuthenticated, 'nodes', 'pageInfo'),
  PageInfo: fields(isAuthenticated, 'endCursor', 'hasNextPage'),
  Product: fields(isAuthenticated, 'id', 'paymentStandard'),
  JurisdictionPolicy: fields(
    isAuthenticated,
    'regionCode', 'effectiveOn', 'prepaymentShare', 'prepaymentDeadline', 'prepaymentRecovery', 'prepaymentAfterCompletion', 'paymentTerm', 'surplusRetention', 'directSettlement',
  ),
  SurplusRetentionPolicy: fields(isAuthenticated, 'share', 'source'),
  DirectSettlementPolicy: fields(isAuthenticated, 'pilot', 'source'),
  PrepaymentSharePolicy: fields(isAuthenticated, 'drugs', 'consumables', 'isMinimum', 'source'),
  PrepaymentDeadlinePolicy: fields(isAuthenticated, 'daysAfterAgreement', 'source'),
  PrepaymentRecoveryPolicy: fields(isAuthenticated, 'offsetAgainstClaims', 'leftoverRecoveryMonths', 'source'),
  PrepaymentContinuationPolicy: fields(isAuthenticated, 'continues', 'source'),
  PaymentTermPolicy: fields(isAuthenticated, 'basis', 'days', 'source'),
  PolicySource: fields(isAuthenticated, 'regionCode', 'effectiveFrom', 'document'),
  Settlement: fields(
    settlementReaders,
    'id', 'regionCode', 'amount', 'acceptedOn', 'dueDate', 'version', 'paidAmount', 'paidOn', 'status', 'asOf', 'daysOverdue', 'paidLate',
    'paymentTerm', 'payer', 'institution', 'enterprise', 'delivery', 'order', 'lines',
  ),
  AppliedSettlementPayer: fields(settlementReaders, 'payer', 'regionCode', 'effectiveFrom', 'document'),
  SettlementLine: fields(settlementReaders, 'lineNo', 'quantity', 'unitPrice', 'amount', 'product'),
  SettlementConnection: fields(settlementReaders, 'nodes', 'pageInfo'),
  AppliedPaymentTerm: fields(settlementReaders, 'basis', 'days', 'regionCode', 'document'),
  Institution: fields(isAuthenticated, 'id'),
  Enterprise: fields(isAuthenticated, 'id'),
  Delivery: { ...fields(isAuthenticated, 'id'), settlement: settlementReaders },
  Order: fields(isAuthenticated, 'id'),
};
