import { Department, Role } from '../shared/auth/identity';
import { allowWhen, federationRules, fields, hasRole, isAuthenticated } from '../shared/auth/permissions';

/**
 * Payables are seen by the institution that owes, the enterprise owed (rows scoped in settlement.scope.ts)
 * and the insurance and finance regulators; other departments will see aggregates only.
 */
const settlementReaders = allowWhen('settlementReaders', (identity) =>
  identity.role === Role.REGULATOR
    ? identity.department === Department.MEDICAL_INSURANCE || identity.department === Department.FINANCE
    : identity.role !== Role.SERVICE,
);

/** The insurance subgraph's access matrix, field by field; anything unnamed is denied. */
export const insurancePermissions = {
  Query: {
    ...federationRules.Query,
    paymentStandards: isAuthenticated,
    paymentStandard: isAuthenticated,
    settlements: settlementReaders,
    settlementStatus: settlementReaders,
  },
  Mutation: { recordPayment: hasRole(Role.INSTITUTION) },
  _Service: federationRules._Service,
  // Payment standards are published prices; hospitals, enterprises and every department read them.
  PaymentStandard: fields(isAuthenticated, 'id', 'product', 'regionCode', 'amount', 'unit', 'rule', 'basis', 'effectiveFrom', 'effectiveTo'),
  PaymentStandardConnection: fields(isAuthenticated, 'nodes', 'pageInfo'),
  PageInfo: fields(isAuthenticated, 'endCursor', 'hasNextPage'),
  Product: fields(isAuthenticated, 'id', 'paymentStandard'),
  JurisdictionPolicy: fields(isAuthenticated, 'regionCode', 'effectiveOn', 'prepaymentShare', 'prepaymentDeadline', 'prepaymentRecovery', 'prepaymentAfterCompletion', 'paymentTerm'),
  PrepaymentSharePolicy: fields(isAuthenticated, 'drugs', 'consumables', 'isMinimum', 'source'),
  PrepaymentDeadlinePolicy: fields(isAuthenticated, 'daysAfterAgreement', 'source'),
  PrepaymentRecoveryPolicy: fields(isAuthenticated, 'offsetAgainstClaims', 'leftoverRecoveryMonths', 'source'),
  PrepaymentContinuationPolicy: fields(isAuthenticated, 'continues', 'source'),
  PaymentTermPolicy: fields(isAuthenticated, 'basis', 'days', 'source'),
  PolicySource: fields(isAuthenticated, 'regionCode', 'effectiveFrom', 'document'),
  Settlement: fields(
    settlementReaders,
    'id', 'regionCode', 'amount', 'acceptedOn', 'dueDate', 'version', 'paidAmount', 'paidOn', 'status', 'asOf', 'daysOverdue', 'paidLate',
    'paymentTerm', 'institution', 'enterprise', 'delivery', 'order', 'lines',
  ),
  SettlementLine: fields(settlementReaders, 'lineNo', 'quantity', 'unitPrice', 'amount', 'product'),
  SettlementConnection: fields(settlementReaders, 'nodes', 'pageInfo'),
  AppliedPaymentTerm: fields(settlementReaders, 'basis', 'days', 'regionCode', 'document'),
  Institution: fields(isAuthenticated, 'id'),
  Enterprise: fields(isAuthenticated, 'id'),
  Delivery: fields(isAuthenticated, 'id'),
  Order: fields(isAuthenticated, 'id'),
};
