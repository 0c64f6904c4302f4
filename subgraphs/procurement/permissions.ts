import { Role } from '../shared/auth/identity';
import { federationRules, fields, hasRole, isAuthenticated } from '../shared/auth/permissions';

const organisationsThatHoldInstitutions = hasRole(Role.REGULATOR, Role.INSTITUTION);

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
  Institution: fields(organisationsThatHoldInstitutions, 'id', 'name', 'type', 'regionCode'),
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
};
