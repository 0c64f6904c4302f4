import { auditTrailPermissions } from '../shared/audit/audit-trail.permissions';
import { Department, Role } from '../shared/auth/identity';
import { allowWhen, federationRules, fields, hasRole, isAuthenticated, isRegulatorOf } from '../shared/auth/permissions';

const isRegulator = hasRole(Role.REGULATOR);
const { MARKET_REGULATION, HEALTH_COMMISSION, MEDICAL_INSURANCE } = Department;

/**
 * Inspections are read by market regulation (药监) and health regulators, by the manufacturer of the
 * product, and by the institution or distributor where a sample was taken (rows scoped in inspection.scope.ts).
 */
const inspectionReaders = allowWhen('inspectionReaders', (identity) =>
  identity.role === Role.REGULATOR
    ? identity.department === Department.MARKET_REGULATION || identity.department === Department.HEALTH_COMMISSION
    : identity.role === Role.MANUFACTURER || identity.role === Role.INSTITUTION || identity.role === Role.DISTRIBUTOR,
);

/** Who reads this subgraph's audit trail (issue 8): the departments that supervise its data. */
const auditTrail = auditTrailPermissions('quality', Department.MARKET_REGULATION, Department.HEALTH_COMMISSION);
/** every regulator reads its region's incidents; an enterprise those it failed in or substitutes for. */
const incidentReaders = hasRole(Role.REGULATOR, Role.MANUFACTURER, Role.DISTRIBUTOR);
/** bans bind institutions, so every persona reads those that concern it (ban.scope.ts). */
const banReaders = isAuthenticated;
/** every regulator reads credit (a rating must read the same everywhere); an enterprise its own. */
const creditReaders = hasRole(Role.REGULATOR, Role.MANUFACTURER, Role.DISTRIBUTOR);
/** regulators their region's flags; a manufacturer the flags on its products. */
const flagReaders = hasRole(Role.REGULATOR, Role.MANUFACTURER);
/** regulators their region; an institution the warnings for its region and those above it. */
const shortageReaders = hasRole(Role.REGULATOR, Role.INSTITUTION);

/**
 * Writers, decided per operation: the drug regulator samples; market regulation and health
 * handle incidents, bans and shortage watch lists (Q-02, Q-03, Q-06; Shaoguan plan's division of
 * labour); credit records, price-risk flags and price linkage are the insurance bureau's procurement-
 * platform work in Guangdong 2025 (医保部门和采购平台), with market regulation for penalties and fair prices.
 */
const inspectionWriters = isRegulatorOf(MARKET_REGULATION);
const supervisors = isRegulatorOf(MARKET_REGULATION, HEALTH_COMMISSION);
const priceAndCreditWriters = isRegulatorOf(MARKET_REGULATION, MEDICAL_INSURANCE);

/** The quality subgraph's access matrix, field by field; anything unnamed is denied. */
export const qualityPermissions = {
  Query: {
    ...federationRules.Query,
    ...auditTrail.query,
    inspections: inspectionReaders,
    inspection: inspectionReaders,
    incidents: incidentReaders,
    enterpriseBans: banReaders,
    creditRecords: creditReaders,
    creditRating: creditReaders,
    priceRiskFlags: flagReaders,
    priceRiskSignals: isRegulator,
    shortageWarnings: shortageReaders,
    shortageWatchList: shortageReaders,
    externalLowestPrices: isRegulator,
    listingsAboveExternalLowest: isRegulator,
  },
  Mutation: {
    recordInspection: inspectionWriters,
    openIncident: supervisors,
    resolveIncident: supervisors,
    recordReplacementCostPayment: supervisors,
    declareDishonest: supervisors,
    liftBan: supervisors,
    recordCreditEvent: priceAndCreditWriters,
    flagPriceRisk: priceAndCreditWriters,
    updateShortageWatchList: supervisors,
    recordExternalLowestPrice: priceAndCreditWriters,
  },
  _Service: federationRules._Service,
  ...auditTrail.types,
  Inspection: fields(inspectionReaders, 'id', 'product', 'batchNumber', 'samplingStage', 'regionCode', 'sampledOn', 'result', 'findings'),
  InspectionConnection: fields(inspectionReaders, 'nodes', 'pageInfo'),
  Incident: fields(
    incidentReaders,
    'id', 'product', 'enterprise', 'regionCode', 'kind', 'description', 'occurredOn', 'substituteSupplier', 'emergencySupplyPlan',
    'state', 'liability', 'replacementCost', 'replacementCostPaidOn', 'resolution', 'resolvedOn', 'version',
  ),
  IncidentConnection: fields(incidentReaders, 'nodes', 'pageInfo'),
  EnterpriseBan: fields(banReaders, 'id', 'enterprise', 'regionCode', 'startsOn', 'endsOn', 'reason', 'scope', 'policyDocument', 'incidentId', 'liftedOn', 'liftReason', 'version'),
  EnterpriseBanConnection: fields(banReaders, 'nodes', 'pageInfo'),
  CreditRecord: fields(creditReaders, 'id', 'enterprise', 'kind', 'severity', 'decidedOn', 'countsUntil', 'sourceDocument', 'summary', 'regionCode'),
  CreditRecordConnection: fields(creditReaders, 'nodes', 'pageInfo'),
  CreditRating: fields(creditReaders, 'enterprise', 'on', 'grade', 'countingRecords', 'rule'),
  PriceRiskFlag: fields(flagReaders, 'id', 'product', 'enterprise', 'regionCode', 'colour', 'basis', 'action', 'reason', 'flaggedOn'),
  PriceRiskFlagConnection: fields(flagReaders, 'nodes', 'pageInfo'),
  PriceRiskSignalConnection: fields(isRegulator, 'nodes', 'pageInfo'),
  PriceRiskSignal: fields(isRegulator, 'product', 'basis', 'regionCode', 'month', 'previousSales', 'sales', 'growth', 'priceRises', 'listedPrice', 'threshold'),
  ShortageWarningConnection: fields(shortageReaders, 'nodes', 'pageInfo'),
  ShortageWarning: fields(shortageReaders, 'product', 'regionCode', 'lists', 'reasons', 'stockOnHand', 'monthlyNeed', 'needBasis', 'productionStops'),
  ProductionStopNotice: fields(shortageReaders, 'enterprise', 'reason', 'stoppedFrom', 'expectedResumeOn'),
  ShortageWatchEntry: fields(isAuthenticated, 'product', 'list', 'regionCode', 'addedOn', 'watched'),
  ShortageWatchEntryConnection: fields(shortageReaders, 'nodes', 'pageInfo'),
  ExternalLowestPrice: fields(isRegulator, 'id', 'product', 'provinceCode', 'price', 'observedOn', 'source'),
  ExternalLowestPriceConnection: fields(isRegulator, 'nodes', 'pageInfo'),
  ListingAboveExternalLowestConnection: fields(isRegulator, 'nodes', 'pageInfo'),
  ListingAboveExternalLowest: fields(isRegulator, 'product', 'listingId', 'regionCode', 'listedPrice', 'lowestPrice', 'lowestProvinceCode', 'observedOn', 'excess'),
  PageInfo: fields(isAuthenticated, 'endCursor', 'hasNextPage'),
  Product: { ...fields(isAuthenticated, 'id'), inspections: inspectionReaders },
  Enterprise: { ...fields(isAuthenticated, 'id'), bans: banReaders },
  JurisdictionPolicy: fields(isAuthenticated, 'regionCode', 'effectiveOn', 'dishonestyBan', 'priceRiskThresholds'),
  DishonestyBanPolicy: fields(isAuthenticated, 'years', 'scope', 'source'),
  PriceRiskThresholdsPolicy: fields(isAuthenticated, 'salesGrowth', 'priceRises', 'windowMonths', 'note', 'source'),
  PolicySource: fields(isAuthenticated, 'regionCode', 'effectiveFrom', 'document'),
};
