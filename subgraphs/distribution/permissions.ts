import { federationRules, fields, isAuthenticated } from '../shared/auth/permissions';

/** The distribution subgraph's access matrix, field by field; anything unnamed is denied. */
export const distributionPermissions = {
  Query: { ...federationRules.Query, enterprises: isAuthenticated, enterprise: isAuthenticated },
  _Service: federationRules._Service,
  // The directory (name, credit code, region, standing) is public registration data every persona works from.
  Enterprise: fields(isAuthenticated, 'id', 'name', 'creditCode', 'isManufacturer', 'isDistributor', 'regionCode', 'status'),
  EnterpriseConnection: fields(isAuthenticated, 'nodes', 'pageInfo'),
  PageInfo: fields(isAuthenticated, 'endCursor', 'hasNextPage'),
  JurisdictionPolicy: fields(isAuthenticated, 'regionCode', 'effectiveOn', 'receiptConfirmation', 'distributorCap'),
  ReceiptConfirmationPolicy: fields(isAuthenticated, 'hours', 'source'),
  DistributorCapPolicy: fields(isAuthenticated, 'drugs', 'consumables', 'source'),
  PolicySource: fields(isAuthenticated, 'regionCode', 'effectiveFrom', 'document'),
};
