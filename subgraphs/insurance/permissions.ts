import { federationRules, fields, isAuthenticated } from '../shared/auth/permissions';

/** The insurance subgraph's access matrix, field by field; anything unnamed is denied. */
export const insurancePermissions = {
  Query: { ...federationRules.Query, paymentStandards: isAuthenticated, paymentStandard: isAuthenticated },
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
};
