import { auditTrailPermissions } from '../shared/audit/audit-trail.permissions';
import { Department, Role } from '../shared/auth/identity';
import { allowWhen, federationRules, fields, hasRole, isAuthenticated, isRegulatorOf } from '../shared/auth/permissions';

/** The departments that watch supply (DOMAIN.md actors): not finance, which reads payment totals only. */
const SUPPLY_DEPARTMENTS: string[] = [Department.INDUSTRY, Department.COMMERCE, Department.MARKET_REGULATION, Department.MEDICAL_INSURANCE, Department.HEALTH_COMMISSION];
const isSupplyRegulator = (identity: { role: string; department?: string }) => identity.role === Role.REGULATOR && SUPPLY_DEPARTMENTS.includes(identity.department!);
const isEnterprise = (identity: { role: string }) => identity.role === Role.MANUFACTURER || identity.role === Role.DISTRIBUTOR;

/** Enterprise reports (stock, capacity, stops): enterprises (rows scoped to their own) and supply regulators (their region). */
const enterpriseOrSupplyRegulator = allowWhen('isEnterpriseOrSupplyRegulator', (i) => isEnterprise(i) || isSupplyRegulator(i));
/** Authorisations and overdue orders: also institutions (those serving them, their own orders). */
const supplyChainParty = allowWhen('isSupplyChainPartyOrSupplyRegulator', (i) => isEnterprise(i) || i.role === Role.INSTITUTION || isSupplyRegulator(i));
/** D-02 coverage gaps: the manufacturer (own products) and supply regulators. */
const manufacturerOrSupplyRegulator = allowWhen('isManufacturerOrSupplyRegulator', (i) => i.role === Role.MANUFACTURER || isSupplyRegulator(i));

/** Who reads this subgraph's audit trail (issue 8): the departments that supervise its data. */
const auditTrail = auditTrailPermissions('distribution', Department.COMMERCE, Department.INDUSTRY, Department.MARKET_REGULATION);

/** The distribution subgraph's access matrix, field by field; anything unnamed is denied. */
export const distributionPermissions = {
  Query: {
    ...federationRules.Query,
    ...auditTrail.query,
    enterprises: isAuthenticated,
    enterprise: isAuthenticated,
    deliveries: isAuthenticated,
    delivery: isAuthenticated,
    traceabilityCode: isAuthenticated,
    distributorAuthorizations: supplyChainParty,
    uncoveredInstitutions: manufacturerOrSupplyRegulator,
    overdueDeliveries: supplyChainParty,
    stockLevels: enterpriseOrSupplyRegulator,
    emergencyReserves: enterpriseOrSupplyRegulator,
    capacityReports: enterpriseOrSupplyRegulator,
    productionStops: enterpriseOrSupplyRegulator,
  },
  Mutation: {
    shipOrder: hasRole(Role.DISTRIBUTOR),
    confirmReceipt: hasRole(Role.INSTITUTION),
    // D-01: the registration authority is market regulation (市场监督管理局); the region check is in the service.
    registerEnterprise: isRegulatorOf(Department.MARKET_REGULATION),
    // D-02: only the manufacturer chooses; no authority or institution may designate distributors.
    authorizeDistributor: hasRole(Role.MANUFACTURER),
    revokeDistributorAuthorization: hasRole(Role.MANUFACTURER),
    reportStock: hasRole(Role.MANUFACTURER, Role.DISTRIBUTOR),
    reportCapacity: hasRole(Role.MANUFACTURER),
    reportProductionStop: hasRole(Role.MANUFACTURER),
    recordTraceabilityCodes: hasRole(Role.DISTRIBUTOR),
  },
  _Service: federationRules._Service,
  ...auditTrail.types,
  // The directory (name, credit code, region, standing) is public registration data every persona works from.
  Enterprise: fields(isAuthenticated, 'id', 'name', 'creditCode', 'isManufacturer', 'isDistributor', 'regionCode', 'status'),
  EnterpriseConnection: fields(isAuthenticated, 'nodes', 'pageInfo'),
  PageInfo: fields(isAuthenticated, 'endCursor', 'hasNextPage'),
  JurisdictionPolicy: fields(isAuthenticated, 'regionCode', 'effectiveOn', 'receiptConfirmation', 'distributorCap', 'deliveryTimeLimit'),
  ReceiptConfirmationPolicy: fields(isAuthenticated, 'hours', 'source'),
  DistributorCapPolicy: fields(isAuthenticated, 'drugs', 'consumables', 'source'),
  DeliveryTimeLimitPolicy: fields(isAuthenticated, 'hours', 'emergencyHours', 'remoteAreaHours', 'source'),
  PolicySource: fields(isAuthenticated, 'regionCode', 'effectiveFrom', 'document'),
  // Deliveries: rows scoped by delivery.scope.ts (own distributor, receiving institution, own products, region).
  Delivery: fields(
    isAuthenticated,
    'id', 'regionCode', 'amount', 'status', 'shippedAt', 'version', 'warehousedAt', 'confirmedAt', 'confirmationDeadline', 'confirmedLate',
    'order', 'distributor', 'institution', 'lines', 'acceptedAmount', 'discrepancyCount', 'receiptLines', 'discrepancies', 'traceabilityCodes',
  ),
  DeliveryLine: fields(isAuthenticated, 'lineNo', 'productName', 'specification', 'quantity', 'unitPrice', 'amount', 'product'),
  DeliveryConnection: fields(isAuthenticated, 'nodes', 'pageInfo'),
  // Reached only through a delivery the caller may see (or traceabilityCode, scoped by the delivery).
  ReceiptLine: fields(isAuthenticated, 'lineNo', 'receivedQuantity', 'acceptedQuantity', 'acceptedAmount'),
  DeliveryDiscrepancy: fields(isAuthenticated, 'lineNo', 'field', 'expected', 'received'),
  TraceabilityCode: fields(isAuthenticated, 'code', 'lineNo', 'batchNumber', 'recordedAt', 'delivery', 'product'),
  // Rows scoped by authorization.scope.ts.
  DistributorAuthorization: fields(
    supplyChainParty,
    'id', 'winningProductId', 'kind', 'poolingRegionCode', 'coverageRegionCodes', 'status', 'authorizedAt', 'revokedAt', 'version', 'product', 'manufacturer', 'distributor',
  ),
  DistributorAuthorizationConnection: fields(supplyChainParty, 'nodes', 'pageInfo'),
  UncoveredInstitution: fields(manufacturerOrSupplyRegulator, 'institutionId', 'institutionName', 'regionCode', 'poolingRegionCode', 'agreedQuantity', 'institution'),
  UncoveredInstitutionConnection: fields(manufacturerOrSupplyRegulator, 'nodes', 'pageInfo'),
  OverdueOrder: fields(
    supplyChainParty,
    'orderId', 'regionCode', 'totalAmount', 'placedAt', 'emergency', 'remoteArea', 'limitHours', 'deadline', 'hoursOverdue', 'source', 'order', 'institution', 'distributor',
  ),
  OverdueOrderConnection: fields(supplyChainParty, 'nodes', 'pageInfo'),
  // Enterprise reports: rows scoped by stock.scope.ts (own enterprise, or regulators' region).
  StockLevel: fields(enterpriseOrSupplyRegulator, 'regionCode', 'quantityOnHand', 'emergencyReserve', 'reportId', 'reportedAt', 'product', 'enterprise'),
  StockLevelConnection: fields(enterpriseOrSupplyRegulator, 'nodes', 'pageInfo'),
  StockReport: fields(hasRole(Role.MANUFACTURER, Role.DISTRIBUTOR), 'id', 'idempotencyKey', 'lineCount', 'reportedAt'),
  CapacityReport: fields(enterpriseOrSupplyRegulator, 'regionCode', 'monthlyCapacity', 'reportedAt', 'product', 'enterprise'),
  CapacityReportConnection: fields(enterpriseOrSupplyRegulator, 'nodes', 'pageInfo'),
  ProductionStop: fields(enterpriseOrSupplyRegulator, 'id', 'regionCodes', 'reason', 'details', 'stoppedFrom', 'expectedResumeOn', 'reportedAt', 'product', 'enterprise'),
  ProductionStopConnection: fields(enterpriseOrSupplyRegulator, 'nodes', 'pageInfo'),
  Product: fields(isAuthenticated, 'id'),
  Institution: fields(isAuthenticated, 'id'),
  Order: fields(isAuthenticated, 'id', 'delivery'),
};
