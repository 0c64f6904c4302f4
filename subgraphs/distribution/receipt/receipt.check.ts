import { errors } from '../../shared/errors';
import { decimalText, Money } from '../../shared/graphql/scalars';
import { requireId } from '../../shared/validation';
import type { DeliveryLine } from '../delivery/delivery.entity';
import { DiscrepancyField } from './receipt.entity';
import type { ReceivedLineInput } from './receipt.input';

export interface ReceiptCheck {
  lines: Array<{ lineNo: number; productId: string; unitPrice: string; receivedQuantity: number; acceptedQuantity: number; acceptedAmount: string }>;
  discrepancies: Array<{ lineNo: number; field: DiscrepancyField; expected: string | null; received: string | null }>;
  acceptedAmount: string;
}

const MAX_TEXT = 200;

/** Text as printed on a pack: trimmed, full-width forms folded (NFKC), so "２０mg" reads as "20mg". */
function normalised(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const text = value.normalize('NFKC').trim();
  return text.length === 0 ? null : text;
}

function requireReceivedText(value: unknown, field: string, nullable = false): string | null {
  if ((value === undefined || value === null) && nullable) return null;
  if (typeof value !== 'string' || value.trim().length === 0 || value.length > MAX_TEXT || /[\u0000-\u001f\u202e]/.test(value)) {
    throw errors.badInput(`D-03: ${field} must be 1 to ${MAX_TEXT} printable characters`, { field, rule: 'D-03' });
  }
  return value;
}

/**
 * D-03 (Guichi: 名称、规格、剂型、包装、生产厂家、数量 checked against the order): compares what the institution
 * received with each order line. Goods that are not the product ordered (name, specification, dosage form,
 * pack or manufacturer differ) are not accepted at all; of the right goods, the institution accepts what
 * arrived up to the ordered quantity. Every difference is recorded. Omitted `received` means the
 * institution declares every line received as ordered.
 */
export function checkReceipt(orderLines: DeliveryLine[], received: ReceivedLineInput[] | undefined | null): ReceiptCheck {
  if (received !== undefined && received !== null) {
    if (!Array.isArray(received) || received.length !== orderLines.length) {
      throw errors.badInput(`D-03: lines must list each of the ${orderLines.length} order lines exactly once`, { field: 'lines', rule: 'D-03' });
    }
  }
  const byLine = new Map<number, ReceivedLineInput>();
  (received ?? []).forEach((line, i) => {
    if (!Number.isInteger(line.lineNo) || !orderLines.some((o) => o.lineNo === line.lineNo) || byLine.has(line.lineNo)) {
      throw errors.badInput(`D-03: lines[${i}].lineNo must name an order line, each once`, { field: `lines[${i}].lineNo`, rule: 'D-03' });
    }
    requireReceivedText(line.productName, `lines[${i}].productName`);
    requireReceivedText(line.specification, `lines[${i}].specification`);
    requireReceivedText(line.dosageForm, `lines[${i}].dosageForm`, true);
    requireReceivedText(line.pack, `lines[${i}].pack`);
    requireId(line.manufacturerId, `lines[${i}].manufacturerId`);
    if (!Number.isInteger(line.quantity) || line.quantity < 0 || line.quantity > 1_000_000_000) {
      throw errors.badInput(`D-03: lines[${i}].quantity must be a whole number of units from 0`, { field: `lines[${i}].quantity`, rule: 'D-03' });
    }
    byLine.set(line.lineNo, line);
  });

  const check: ReceiptCheck = { lines: [], discrepancies: [], acceptedAmount: '0' };
  let total = new Money(0);
  for (const ordered of orderLines) {
    const got = byLine.get(ordered.lineNo);
    let accepted = ordered.quantity;
    let receivedQuantity = ordered.quantity;
    if (got) {
      const compared: Array<[DiscrepancyField, string | null, string | null]> = [
        [DiscrepancyField.PRODUCT_NAME, ordered.productName, got.productName],
        [DiscrepancyField.SPECIFICATION, ordered.specification, got.specification],
        [DiscrepancyField.DOSAGE_FORM, ordered.dosageForm, got.dosageForm ?? null],
        [DiscrepancyField.PACK, ordered.pack, got.pack],
        [DiscrepancyField.MANUFACTURER, ordered.manufacturerId, got.manufacturerId.toLowerCase()],
      ];
      const wrongGoods = compared.filter(([, expected, actual]) => normalised(expected) !== normalised(actual));
      for (const [field, expected, actual] of wrongGoods) check.discrepancies.push({ lineNo: ordered.lineNo, field, expected, received: normalised(actual) });
      receivedQuantity = got.quantity;
      if (got.quantity !== ordered.quantity) {
        check.discrepancies.push({ lineNo: ordered.lineNo, field: DiscrepancyField.QUANTITY, expected: String(ordered.quantity), received: String(got.quantity) });
      }
      accepted = wrongGoods.length > 0 ? 0 : Math.min(got.quantity, ordered.quantity);
    }
    const amount = new Money(ordered.unitPrice).times(accepted);
    total = total.plus(amount);
    check.lines.push({ lineNo: ordered.lineNo, productId: ordered.productId, unitPrice: ordered.unitPrice, receivedQuantity, acceptedQuantity: accepted, acceptedAmount: decimalText(amount) });
  }
  if (total.lte(0)) {
    throw errors.badInput('D-03: nothing received matches the order, so nothing can be accepted; the goods go back to the distributor', { field: 'lines', rule: 'D-03' });
  }
  check.acceptedAmount = decimalText(total);
  return check;
}
