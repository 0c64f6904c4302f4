import { auditTrailPermissions } from '../shared/audit/audit-trail.permissions';
import { Department, Role } from '../shared/auth/identity';
import { allowWhen, federationRules, fields, hasRole, isAuthenticated, isRegulatorOf } from '../shared/auth/permissions';
import { FILING_REGULATORS } from './filing/filed-purchase.scope';

const organisationsThatHoldInstitutions = hasRole(Role.REGULATOR, Role.INSTITUTION);
const isRegulator = hasRole(Role.REGULATOR);
// P-08: the platform is operated under the medical-insurance bureau; its regulators list, suspend, delist and restore.
const isPlatformOperator = isRegulatorOf(Department.MEDICAL_INSURANCE);
// P-07 and P-11: the institution's own purchases, watched by the insurance and health regulators of its region.
const institutionOrPurchaseWatcher = allowWhen(
  'institutionOrPurchaseWatcher',
  (identity) => identity.role === Role.INSTITUTION || (identity.role === Role.REGULATOR && FILING_REGULATORS.includes(identity.department!)),
);
const isInsuranceRegulator = isRegulatorOf(Department.MEDICAL_INSURANCE);
// Agreed volumes and their completion: the insurance bureau (owner) and health commission (usage of winning
// products), institutions and manufacturers for their own rows; row scope in agreed-volume.scope.ts.
const agreedVolumeReaders = allowWhen(
  'agreedVolumeReaders',
  (i) =>
    (i.role === Role.REGULATOR && (i.department === Department.MEDICAL_INSURANCE || i.department === Department.HEALTH_COMMISSION)) ||
    i.role === Role.INSTITUTION ||
    i.role === Role.MANUFACTURER,
);
const reallocationReaders = allowWhen(
  'reallocationReaders',
  (i) => (i.role === Role.REGULATOR && (i.department === Department.MEDICAL_INSURANCE || i.department === Department.HEALTH_COMMISSION)) || i.role === Role.INSTITUTION,
);
// P-06: the lead unit (checked in the service) or the insurance bureau of the community's region.
const reallocators = allowWhen('reallocators', (i) => (i.role === Role.REGULATOR && i.department === Department.MEDICAL_INSURANCE) || i.role === Role.INSTITUTION);

/**
 * The procurement subgraph's access matrix, field by field. Row scope is applied by the services
 * (institution.scope.ts); these rules decide who may ask at all. Anything unnamed is denied.
 */

/** Who reads this subgraph's audit trail (issue 8): the departments that supervise its data. */
const auditTrail = auditTrailPermissions('procurement', Department.MEDICAL_INSURANCE, Department.HEALTH_COMMISSION);

export const procurementPermissions = {
  Query: {
    ...federationRules.Query,
    ...auditTrail.query,
    products: isAuthenticated,
    product: isAuthenticated,
    institutions: organisationsThatHoldInstitutions,
    institution: organisationsThatHoldInstitutions,
    jurisdictionPolicy: isAuthenticated,
    orders: isAuthenticated,
    order: isAuthenticated,
    eventConsumers: isRegulator,
    listings: isAuthenticated,
    listing: isAuthenticated,
    officialCalendar: isAuthenticated,
    filedPurchases: institutionOrPurchaseWatcher,
    onlinePurchaseRate: institutionOrPurchaseWatcher,
    batches: isAuthenticated,
    batch: isAuthenticated,
    agreedVolumes: agreedVolumeReaders,
    agreedVolumeReallocations: reallocationReaders,
    completionProgress: agreedVolumeReaders,
  },
  Mutation: {
    placeOrder: hasRole(Role.INSTITUTION),
    createBatch: isInsuranceRegulator,
    awardWinningProduct: isInsuranceRegulator,
    setAgreedVolume: isInsuranceRegulator,
    reallocateAgreedVolume: reallocators,
    replayParkedEvents: isRegulator,
    listProduct: isPlatformOperator,
    suspendListing: isPlatformOperator,
    delistProduct: isPlatformOperator,
    restoreListing: isPlatformOperator,
    cancelOrder: hasRole(Role.INSTITUTION),
    // Further narrowed to the national (000000) regulator by the service.
    setOfficialCalendarDays: isPlatformOperator,
    fileOffListPurchase: hasRole(Role.INSTITUTION),
  },
  _Service: federationRules._Service,
  ...auditTrail.types,
  // The catalogue is public to every persona: enterprises, institutions and regulators all work from it.
  Product: fields(
    isAuthenticated,
    'id', 'kind', 'name', 'genericName', 'dosageForm', 'specification', 'pack', 'manufacturer', 'nhsaCode',
    'isOriginator', 'isReferenceDrug', 'passedConsistencyEvaluation', 'consumableCategory', 'functionGroup', 'selection', 'winningIn',
  ),
  ProductSelection: fields(isAuthenticated, 'selectable', 'reason'),
  ProductConnection: fields(isAuthenticated, 'nodes', 'pageInfo'),
  PageInfo: fields(isAuthenticated, 'endCursor', 'hasNextPage'),
  Enterprise: fields(isAuthenticated, 'id'),
  // Directory entries; which rows a caller reaches is decided by institution.scope.ts.
  Institution: { ...fields(isAuthenticated, 'id', 'name', 'type', 'regionCode'), medicalCommunity: organisationsThatHoldInstitutions },
  // Medical communities: regulators and institutions only (rows: medical-community.loader.ts).
  MedicalCommunity: fields(organisationsThatHoldInstitutions, 'id', 'name', 'regionCode', 'leadInstitution', 'members'),
  // Batches and awards are published procurement results (中选结果公告): every persona reads them.
  Batch: fields(isAuthenticated, 'id', 'name', 'level', 'kind', 'regionCodes', 'genericNames', 'cycleStart', 'cycleEnd', 'contractYears', 'winningProducts'),
  BatchConnection: fields(isAuthenticated, 'nodes', 'pageInfo'),
  ContractYear: fields(isAuthenticated, 'start', 'end', 'renewsOn', 'renewalRule', 'source'),
  WinningProduct: fields(isAuthenticated, 'id', 'winningPrice', 'unit', 'awardedOn', 'batch', 'product', 'manufacturer'),
  // Agreed volumes, their G-09 basis and P-05 completion: rows by agreed-volume.scope.ts.
  AgreedVolume: fields(agreedVolumeReaders, 'id', 'contractYearStart', 'contractYearEnd', 'quantity', 'amount', 'agreedOn', 'version', 'institution', 'winningProduct', 'basis'),
  AgreedVolumeConnection: fields(agreedVolumeReaders, 'nodes', 'pageInfo'),
  AgreedVolumeBasis: fields(
    agreedVolumeReaders,
    'lastYearFrom', 'lastYearTo', 'lastYearPurchasedQuantity', 'policyBasis', 'minShareOfLastYearUse', 'maxShareOfLastYearUse', 'withinRange', 'source',
  ),
  AgreedVolumeReallocation: fields(
    reallocationReaders,
    'id', 'contractYearStart', 'quantity', 'reallocatedBy', 'reallocatedAt', 'medicalCommunity', 'winningProduct', 'fromInstitution', 'toInstitution',
  ),
  AgreedVolumeReallocationConnection: fields(reallocationReaders, 'nodes', 'pageInfo'),
  CompletionProgress: fields(agreedVolumeReaders, 'regionCode', 'asOf', 'nodes', 'pageInfo', 'batch', 'summary', 'institutions'),
  CompletionItem: fields(
    agreedVolumeReaders,
    'contractYearStart', 'contractYearEnd', 'agreedQuantity', 'purchasedQuantity', 'completionRate', 'expectedRate', 'lagging', 'institution', 'winningProduct',
  ),
  InstitutionCompletion: fields(
    agreedVolumeReaders,
    'agreedVolumes', 'laggingVolumes', 'agreedAmount', 'purchasedAmount', 'completionRate', 'expectedRate', 'lagging', 'institution',
  ),
  InstitutionCompletionConnection: fields(agreedVolumeReaders, 'nodes', 'pageInfo'),
  CompletionSummary: fields(
    agreedVolumeReaders,
    'institutions', 'laggingInstitutions', 'agreedVolumes', 'laggingVolumes', 'agreedAmount', 'purchasedAmount', 'completionRate', 'expectedRate',
  ),
  InstitutionConnection: fields(organisationsThatHoldInstitutions, 'nodes', 'pageInfo'),
  // Policies are published documents; every persona may read them.
  JurisdictionPolicy: fields(
    isAuthenticated,
    'regionCode', 'effectiveOn', 'filedPurchaseRegistration', 'agreedVolumeBasis', 'contractRenewal', 'monitoringCadence', 'filedPurchaseCaps',
  ),
  FiledPurchaseCapsPolicy: fields(isAuthenticated, 'drugAmountShare', 'drugVarietyShare', 'consumableAmountShare', 'source'),
  FiledPurchaseRegistrationPolicy: fields(isAuthenticated, 'workingDays', 'source'),
  AgreedVolumeBasisPolicy: fields(isAuthenticated, 'description', 'minShareOfLastYearUse', 'maxShareOfLastYearUse', 'source'),
  ContractRenewalPolicy: fields(isAuthenticated, 'rule', 'source'),
  MonitoringCadencePolicy: fields(isAuthenticated, 'monitoring', 'assessment', 'settlement', 'source'),
  PolicySource: fields(isAuthenticated, 'regionCode', 'effectiveFrom', 'document'),
  // Orders: rows scoped by order.scope.ts (own institution, assigned distributor, own products, region).
  Order: fields(isAuthenticated, 'id', 'regionCode', 'state', 'totalAmount', 'placedAt', 'version', 'institution', 'distributor', 'lines', 'cancelledAt', 'cancelReason'),
  OrderLine: fields(isAuthenticated, 'lineNo', 'quantity', 'unitPrice', 'amount', 'product'),
  OrderConnection: fields(isAuthenticated, 'nodes', 'pageInfo'),
  // The event bus's health is for regulators' operators only.
  EventConsumerStatus: fields(isRegulator, 'consumer', 'pending', 'retrying', 'parked', 'oldestPendingSeconds', 'deliveredLastMinute', 'deliveredLastHour', 'parkedEvents'),
  ParkedEvent: fields(isRegulator, 'eventId', 'eventType', 'key', 'attempts', 'lastError', 'parkedAt'),
  // Listings are published prices (公开挂网挂价); who changed them and why is for regulators.
  Listing: { ...fields(isAuthenticated, 'id', 'regionCode', 'listedPrice', 'unit', 'status', 'zone', 'listedOn', 'updatedAt', 'version', 'product'), history: isRegulator },
  ListingHistoryEntry: fields(isRegulator, 'version', 'action', 'status', 'zone', 'listedPrice', 'reason', 'actor', 'requestId', 'changedAt'),
  ListingConnection: fields(isAuthenticated, 'nodes', 'pageInfo'),
  OfficialCalendarDay: fields(isAuthenticated, 'day', 'kind', 'name', 'updatedAt'),
  OfficialCalendarDayConnection: fields(isAuthenticated, 'nodes', 'pageInfo'),
  // Rows scoped by filed-purchase.scope.ts.
  FiledPurchase: fields(
    institutionOrPurchaseWatcher,
    'id', 'regionCode', 'productDescription', 'kind', 'exemption', 'quantity', 'unitPrice', 'amount', 'purchasedOn', 'registeredOn',
    'registrationDeadline', 'registeredLate', 'statementDocumentNumber', 'statementSha256', 'createdAt', 'product', 'institution',
  ),
  FiledPurchaseConnection: fields(institutionOrPurchaseWatcher, 'nodes', 'pageInfo'),
  OnlinePurchaseRate: fields(institutionOrPurchaseWatcher, 'institution', 'year', 'platformAmount', 'filedAmount', 'totalAmount', 'rate'),
};
