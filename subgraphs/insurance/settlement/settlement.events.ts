import { randomUUID } from 'node:crypto';
import type { EventHandlers } from '../../shared/events/consumer';
import type { ReceiptConfirmedV1 } from '../../shared/events/contracts';
import { fetchPolicyVersions, inherit } from '../../shared/policy/jurisdiction-policy';
import { continuePrepayments } from '../prepayment/prepayment.events';
import { PaymentTerm, settlementDueDate } from './due-date';

/**
 * I-06 with G-04: an accepted delivery opens a payable, due by the payment term in force in the
 * institution's region on the day of acceptance. One payable per delivery, whatever the redeliveries.
 * I-08: where a direct-settlement pilot is in force that day, the fund pays the enterprise (kept on the row).
 * I-05: a new payable may complete an agreed volume, after which prepayment continues on purchases.
 */
export const settlementEventHandlers: EventHandlers = {
  'distribution.ReceiptConfirmed.v1': async (tx, event, log) => {
    const receipt = event.payload as ReceiptConfirmedV1;
    const [versions] = await fetchPolicyVersions(tx, 'insurance.jurisdiction_policy', [{ regionCode: receipt.regionCode, date: receipt.acceptedOn }]);
    const term = inherit(versions, 'payment_term_basis');
    // The national default sets G-04, so this means the policy data is broken: retry, then park for an operator.
    if (!term) throw new Error(`No G-04 payment term applies in ${receipt.regionCode} on ${receipt.acceptedOn}`);
    const paymentTerm: PaymentTerm = { basis: term.row.payment_term_basis as PaymentTerm['basis'], days: term.row.payment_term_days as number | null };
    const pilot = inherit(versions, 'direct_settlement_pilot');
    const id = randomUUID();
    const inserted = await tx.query(
      `INSERT INTO insurance.settlement (id, delivery_id, order_id, institution_id, enterprise_id, region_code, amount, accepted_on, due_date,
                                         term_basis, term_days, term_region_code, term_document,
                                         payer, payer_policy_region_code, payer_policy_effective_from, payer_policy_document)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       ON CONFLICT (delivery_id) DO NOTHING RETURNING id`,
      [
        id, receipt.deliveryId, receipt.orderId, receipt.institutionId, receipt.enterpriseId, receipt.regionCode, receipt.amount, receipt.acceptedOn,
        settlementDueDate(receipt.acceptedOn, paymentTerm), paymentTerm.basis, paymentTerm.days, term.source.regionCode, term.source.document,
        pilot?.row.direct_settlement_pilot === true ? 'FUND_DIRECT' : 'INSTITUTION', pilot?.source.regionCode ?? null, pilot?.source.effectiveFrom ?? null,
        pilot?.source.document ?? null,
      ],
    );
    if (inserted.length === 0) return;
    await tx.query(
      `INSERT INTO insurance.settlement_line (settlement_id, line_no, product_id, quantity, unit_price, amount)
       SELECT $1, l."lineNo", l."productId", l.quantity, l."unitPrice", l.amount
         FROM jsonb_to_recordset($2::jsonb) AS l("lineNo" int, "productId" uuid, quantity bigint, "unitPrice" numeric, amount numeric)`,
      [id, JSON.stringify(receipt.lines)],
    );
    log.info({ settlementId: id, deliveryId: receipt.deliveryId }, 'payable opened');
    await continuePrepayments(tx, receipt, log);
  },
};
