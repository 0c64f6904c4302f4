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
