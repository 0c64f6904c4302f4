import { Role } from '../shared/auth/identity';
import { federationRules, fields, hasRole, isAuthenticated } from '../shared/auth/permissions';

/** The distribution subgraph's access matrix, field by field; anything unnamed is denied. */
export const distributionPermissions = {
  Query: { ...federationRules.Query, enterprises: isAuthenticated, enterprise: isAuthenticated, deliveries: isAuthenticated, delivery: isAuthenticated },
  Mutation: { shipOrder: hasRole(Role.DISTRIBUTOR), confirmReceipt: hasRole(Role.INSTITUTION) },
  _Service: federationRules._Service,
  // The directory (name, credit code, region, standing) is public registration data every persona works from.
  Enterprise: fields(isAuthenticated, 'id', 'name', 'creditCode', 'isManufacturer', 'isDistributor', 'regionCode', 'status'),
  EnterpriseConnection: fields(isAuthenticated, 'nodes', 'pageInfo'),
  PageInfo: fields(isAuthenticated, 'endCursor', 'hasNextPage'),
  JurisdictionPolicy: fields(isAuthenticated, 'regionCode', 'effectiveOn', 'receiptConfirmation', 'distributorCap'),
  ReceiptConfirmationPolicy: fields(isAuthenticated, 'hours', 'source'),
  DistributorCapPolicy: fields(isAuthenticated, 'drugs', 'consumables', 'source'),
  PolicySource: fields(isAuthenticated, 'regionCode', 'effectiveFrom', 'document'),
  // Deliveries: rows scoped by delivery.scope.ts (own distributor, receiving institution, own products, region).
  Delivery: fields(
    isAuthenticated,
    'id', 'regionCode', 'amount', 'status', 'shippedAt', 'version', 'warehousedAt', 'confirmedAt', 'confirmationDeadline', 'confirmedLate',
    'order', 'distributor', 'institution', 'lines',
  ),
  DeliveryLine: fields(isAuthenticated, 'lineNo', 'productName', 'specification', 'quantity', 'unitPrice', 'amount', 'product'),
  DeliveryConnection: fields(isAuthenticated, 'nodes', 'pageInfo'),
  Product: fields(isAuthenticated, 'id'),
  Institution: fields(isAuthenticated, 'id'),
  Order: fields(isAuthenticated, 'id'),
};
