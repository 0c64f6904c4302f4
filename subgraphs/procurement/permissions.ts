import { Role } from '../shared/auth/identity';
import { federationRules, fields, hasRole, isAuthenticated } from '../shared/auth/permissions';

const organisationsThatHoldInstitutions = hasRole(Role.REGULATOR, Role.INSTITUTION);
const isRegulator = hasRole(Role.REGULATOR);

/**
 * The procurement subgraph's access matrix, field by field. Row scope is applied by the services
 * (institution.scope.ts); these rules decide who may ask at all. Anything unnamed is denied.
 */
export const procurementPermissions = {
  Query: {
    ...federationRules.Query,
    products: isAuthenticated,
    product: isAuthenticated,
    institutions: organisationsThatHoldInstitutions,
    institution: organisationsThatHoldInstitutions,
    jurisdictionPolicy: isAuthenticated,
    orders: isAuthenticated,
    order: isAuthenticated,
    eventConsumers: isRegulator,
  },
  Mutation: {
    placeOrder: hasRole(Role.INSTITUTION),
    replayParkedEvents: isRegulator,
  },
  _Service: federationRules._Service,
  // The catalogue is public to every persona: enterprises, institutions and regulators all work from it.
  Product: fields(
    isAuthenticated,
    'id', 'kind', 'name', 'genericName', 'dosageForm', 'specification', 'pack', 'manufacturer', 'nhsaCode',
    'isOriginator', 'isReferenceDrug', 'passedConsistencyEvaluation', 'consumableCategory', 'functionGroup',
  ),
  ProductConnection: fields(isAuthenticated, 'nodes', 'pageInfo'),
  PageInfo: fields(isAuthenticated, 'endCursor', 'hasNextPage'),
  Enterprise: fields(isAuthenticated, 'id'),
  // Directory entries; which rows a caller reaches is decided by institution.scope.ts.
  Institution: fields(isAuthenticated, 'id', 'name', 'type', 'regionCode'),
  InstitutionConnection: fields(organisationsThatHoldInstitutions, 'nodes', 'pageInfo'),
  // Policies are published documents; every persona may read them.
  JurisdictionPolicy: fields(
    isAuthenticated,
    'regionCode', 'effectiveOn', 'filedPurchaseRegistration', 'agreedVolumeBasis', 'contractRenewal', 'monitoringCadence',
  ),
  FiledPurchaseRegistrationPolicy: fields(isAuthenticated, 'workingDays', 'source'),
  AgreedVolumeBasisPolicy: fields(isAuthenticated, 'description', 'minShareOfLastYearUse', 'maxShareOfLastYearUse', 'source'),
  ContractRenewalPolicy: fields(isAuthenticated, 'rule', 'source'),
  MonitoringCadencePolicy: fields(isAuthenticated, 'monitoring', 'assessment', 'settlement', 'source'),
  PolicySource: fields(isAuthenticated, 'regionCode', 'effectiveFrom', 'document'),
  // Orders: rows scoped by order.scope.ts (own institution, assigned distributor, own products, region).
  Order: fields(isAuthenticated, 'id', 'regionCode', 'state', 'totalAmount', 'placedAt', 'version', 'institution', 'distributor', 'lines'),
  OrderLine: fields(isAuthenticated, 'lineNo', 'quantity', 'unitPrice', 'amount', 'product'),
  OrderConnection: fields(isAuthenticated, 'nodes', 'pageInfo'),
  // The event bus's health is for regulators' operators only.
  EventConsumerStatus: fields(isRegulator, 'consumer', 'pending', 'retrying', 'parked', 'oldestPendingSeconds', 'deliveredLastMinute', 'deliveredLastHour', 'parkedEvents'),
  ParkedEvent: fields(isRegulator, 'eventId', 'eventType', 'key', 'attempts', 'lastError', 'parkedAt'),
};
