/**
 * The payloads of the events that cross subgraphs: the contract between producer and consumers. A
 * change that is not additive gets a new version (OrderPlaced.v2) while consumers still handle v1.
 */

/** procurement.OrderPlaced.v1 (key: order id): the order as distribution needs it to deliver. */
export interface OrderPlacedV1 extends Record<string, unknown> {
  orderId: string;
  institutionId: string;
  regionCode: string;
  distributorId: string;
  placedAt: string;
  totalAmount: string;
  lines: Array<{
    lineNo: number;
    productId: string;
    manufacturerId: string;
    productName: string;
    specification: string;
    dosageForm: string | null;
    pack: string;
    quantity: number;
    unitPrice: string;
    amount: string;
  }>;
  /** D-04: an emergency order (紧急订单), delivered under the shorter emergency time limit. Optional: absent means false. */
  emergency?: boolean;
}

/** distribution.OrderShipped.v1 (key: order id). */
export interface OrderShippedV1 extends Record<string, unknown> {
  orderId: string;
  deliveryId: string;
  distributorId: string;
  institutionId: string;
  shippedAt: string;
}

/** distribution.ReceiptConfirmed.v1 (key: order id): what insurance needs to open the payable. */
export interface ReceiptConfirmedV1 extends Record<string, unknown> {
  deliveryId: string;
  orderId: string;
  institutionId: string;
  regionCode: string;
  enterpriseId: string;
  acceptedOn: string;
  warehousedAt: string;
  confirmedAt: string;
  confirmationDeadline: string | null;
  confirmedLate: boolean | null;
  amount: string;
  lines: Array<{ lineNo: number; productId: string; quantity: number; unitPrice: string; amount: string }>;
}

/** insurance.SettlementPaid.v1 (key: settlement id). */
export interface SettlementPaidV1 extends Record<string, unknown> {
  settlementId: string;
  deliveryId: string;
  institutionId: string;
  enterpriseId: string;
  amount: string;
  paidOn: string;
  dueDate: string;
  paidLate: boolean;
}

/*
 * Contracts agreed for the domain issues (procurement core, distribution, insurance, quality). Each
 * producer emits exactly these payloads; each consumer keeps its own copy of what it needs. Amounts and
 * prices are decimal strings, quantities integers in the smallest unit, dates `YYYY-MM-DD`.
 */

/**
 * procurement.WinningProductAwarded.v1 (key: winning product id): a product won a batch at a price (P-03).
 * Insurance derives payment standards from it (I-01..I-04); quality and distribution learn the winners.
 */
export interface WinningProductAwardedV1 extends Record<string, unknown> {
  winningProductId: string;
  batchId: string;
  batchName: string;
  /** NATIONAL | ALLIANCE | PROVINCIAL */
  batchLevel: string;
  /** The pooling regions (统筹地区) the batch covers: ['000000'] for national, province codes otherwise (several for an alliance). */
  regionCodes: string[];
  cycleStart: string;
  cycleEnd: string;
  productId: string;
  manufacturerId: string;
  /** DRUG | CONSUMABLE */
  kind: string;
  productName: string;
  genericName: string;
  dosageForm: string | null;
  specification: string;
  pack: string;
  consumableCategory: string | null;
  functionGroup: string | null;
  isOriginator: boolean;
  isReferenceDrug: boolean;
  passedConsistencyEvaluation: boolean;
  /** Winning price per smallest unit (P-03). */
  winningPrice: string;
  unit: string;
  awardedOn: string;
}

/**
 * procurement.AgreedVolumeSet.v1 (key: `${institutionId}:${winningProductId}:${contractYearStart}`):
 * the agreed volume (约定采购量, P-04) of one institution for one winning product and contract year, as
 * set or after a reallocation (P-06). Insurance prepays on it (G-01, I-05); distribution checks that
 * authorised distributors cover every participating institution (D-02).
 */
export interface AgreedVolumeSetV1 extends Record<string, unknown> {
  agreedVolumeId: string;
  batchId: string;
  winningProductId: string;
  productId: string;
  manufacturerId: string;
  /** DRUG | CONSUMABLE */
  kind: string;
  institutionId: string;
  institutionName: string;
  institutionRegionCode: string;
  /** The batch's pooling region that contains the institution (000000 for a national batch). */
  poolingRegionCode: string;
  contractYearStart: string;
  contractYearEnd: string;
  /** The quantity now agreed, in the smallest unit; after a reallocation, the new figure. */
  quantity: number;
  winningPrice: string;
  /** quantity × winningPrice, exact. */
  amount: string;
  /** The date the agreement was signed (G-02 counts from it). */
  agreedOn: string;
}

/** procurement.ListingChanged.v1 (key: listing id): a listing's status or price changed (P-08). */
export interface ListingChangedV1 extends Record<string, unknown> {
  listingId: string;
  productId: string;
  manufacturerId: string;
  regionCode: string;
  /** LISTED | SUSPENDED | DELISTED | RESTORED */
  status: string;
  listedPrice: string;
  reason: string | null;
  changedAt: string;
}

/** distribution.StockReported.v1 (key: `${enterpriseId}:${productId}:${regionCode}`): latest stock (D-05). */
export interface StockReportedV1 extends Record<string, unknown> {
  enterpriseId: string;
  productId: string;
  regionCode: string;
  /** Quantity on hand in the smallest unit, summed over the report's lines for this product and region. */
  quantityOnHand: number;
  /** Emergency reserve (应急储备) held in the same unit. */
  emergencyReserve: number;
  reportedAt: string;
}

/** distribution.ProductionStopReported.v1 (key: `${enterpriseId}:${productId}`): a production stop (停产报告, D-05). */
export interface ProductionStopReportedV1 extends Record<string, unknown> {
  reportId: string;
  enterpriseId: string;
  productId: string;
  regionCodes: string[];
  reason: string;
  stoppedFrom: string;
  expectedResumeOn: string | null;
  reportedAt: string;
}

/** quality.EnterpriseBanned.v1 (key: `${enterpriseId}:${regionCode}`): a dishonesty ban (Q-03, G-08). */
export interface EnterpriseBannedV1 extends Record<string, unknown> {
  banId: string;
  enterpriseId: string;
  regionCode: string;
  startsOn: string;
  endsOn: string;
  reason: string;
  /** A lifted ban is sent again with liftedOn set. */
  liftedOn: string | null;
}

/**
 * quality.ListingActionDecided.v1 (key: `${productId}:${regionCode}`): a price-risk decision that
 * procurement applies to the listing (P-08): SUSPEND or DELIST.
 */
export interface ListingActionDecidedV1 extends Record<string, unknown> {
  flagId: string;
  productId: string;
  regionCode: string;
  /** SUSPEND | DELIST */
  action: string;
  /** RED | YELLOW */
  colour: string;
  reason: string;
  decidedAt: string;
}

/**
 * distribution.EnterpriseRegistered.v1 (key: enterprise id): an enterprise entered or changed in the
 * register (D-01); other subgraphs keep a copy to check ids they are given (e.g. quality's bans).
 */
export interface EnterpriseRegisteredV1 extends Record<string, unknown> {
  enterpriseId: string;
  name: string;
  creditCode: string;
  isManufacturer: boolean;
  isDistributor: boolean;
  regionCode: string;
  status: string;
  registeredAt: string;
}

/**
 * procurement.ProductCatalogued.v1 (key: product id): a product entered or changed in the catalogue (P-01),
 * winning or not. Insurance needs the flags of NON-winning products too: I-02 gives a non-winning
 * originator, reference or evaluated generic the shared standard of its generic name and caps a generic
 * that did not pass evaluation; I-04 caps a non-winning consumable by its category and function group.
 */
export interface ProductCataloguedV1 extends Record<string, unknown> {
  productId: string;
  manufacturerId: string;
  /** DRUG | CONSUMABLE */
  kind: string;
  productName: string;
  genericName: string;
  dosageForm: string | null;
  specification: string;
  pack: string;
  consumableCategory: string | null;
  functionGroup: string | null;
  isOriginator: boolean;
  isReferenceDrug: boolean;
  passedConsistencyEvaluation: boolean;
  /** The smallest unit prices are quoted per (片, 支, 套). */
  unit: string;
  cataloguedAt: string;
}

/**
 * procurement.OrderCancelled.v1 (key: order id): the institution cancelled an order still PLACED (P-12);
 * distribution must no longer ship it.
 */
export interface OrderCancelledV1 extends Record<string, unknown> {
  orderId: string;
  institutionId: string;
  regionCode: string;
  distributorId: string;
  reason: string;
  cancelledAt: string;
}
