import { Department, Role } from '../shared/auth/identity';
import { allowWhen, federationRules, fields, isAuthenticated } from '../shared/auth/permissions';

/**
 * Inspections are read by market regulation (药监) and health regulators, by the manufacturer of the
 * product, and by the institution or distributor where a sample was taken (rows scoped in inspection.scope.ts).
 */
const inspectionReaders = allowWhen('inspectionReaders', (identity) =>
  identity.role === Role.REGULATOR
    ? identity.department === Department.MARKET_REGULATION || identity.department === Department.HEALTH_COMMISSION
    : identity.role === Role.MANUFACTURER || identity.role === Role.INSTITUTION || identity.role === Role.DISTRIBUTOR,
);

/** The quality subgraph's access matrix, field by field; anything unnamed is denied. */
export const qualityPermissions = {
  Query: { ...federationRules.Query, inspections: inspectionReaders, inspection: inspectionReaders },
  _Service: federationRules._Service,
  Inspection: fields(inspectionReaders, 'id', 'product', 'batchNumber', 'samplingStage', 'regionCode', 'sampledOn', 'result', 'findings'),
  InspectionConnection: fields(inspectionReaders, 'nodes', 'pageInfo'),
  PageInfo: fields(isAuthenticated, 'endCursor', 'hasNextPage'),
  Product: { ...fields(isAuthenticated, 'id'), inspections: inspectionReaders },
  JurisdictionPolicy: fields(isAuthenticated, 'regionCode', 'effectiveOn', 'dishonestyBan'),
  DishonestyBanPolicy: fields(isAuthenticated, 'years', 'scope', 'source'),
  PolicySource: fields(isAuthenticated, 'regionCode', 'effectiveFrom', 'document'),
};
