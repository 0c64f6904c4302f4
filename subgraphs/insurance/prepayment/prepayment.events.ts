import type { EntityManager } from 'typeorm';
import type { EventHandlers } from '../../shared/events/consumer';
import type { AgreedVolumeSetV1, ReceiptConfirmedV1 } from '../../shared/events/contracts';
import { chinaDateOf, decimalText, Money } from '../../shared/graphql/scalars';
import type { Logger } from '../../shared/logger';
import { addDays, endOfMonthsAfter, prepaymentTerms } from './prepayment.policy';

interface PrepaymentRow {
  id: string;
  share: string;
  target_amount: string;
  agreed_quantity: string;
  disbursed_on: string | null;
  balance: string;
  share_policy_region_code: string;
  share_policy_effective_from: string;
}

/**
 * I-05 with G-01/G-02/G-03: keeps the agreed volume and sets up or adjusts its prepayment.
 * - First time: a prepayment (identified like its agreed volume, one to one) of the G-01 share (drugs or consumables) × agreed amount, due by G-02 from
 *   the agreement date, recovery deadline by G-03; the policy versions used are stored on the row.
 * - A changed volume keeps the share of the original agreement. Before the fund has paid out, only the
 *   amount due changes (nothing was paid, no history to keep). After, the difference is a TOP_UP entry,
 *   or a RECOVERY entry of what is still with the institution (what was offset already stays offset).
 * No G-01 share for the product's kind in the region → the volume is kept and nothing is prepaid.
 * Adjustment entries are dated `changedOn` (the day procurement recorded the change), never before the agreement.
 */
export async function applyAgreedVolume(tx: EntityManager, v: AgreedVolumeSetV1, changedOn: string, log: Logger): Promise<void> {
  const [{ id: agreedVolumeId }] = await tx.query(
    `INSERT INTO insurance.agreed_volume (id, batch_id, winning_product_id, product_id, kind, institution_id, institution_name, region_code, pooling_region_code,
                                          contract_year_start, contract_year_end, quantity, winning_price, amount, agreed_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
     ON CONFLICT (institution_id, winning_product_id, contract_year_start) DO UPDATE SET
       quantity = EXCLUDED.quantity, winning_price = EXCLUDED.winning_price, amount = EXCLUDED.amount, institution_name = EXCLUDED.institution_name
     RETURNING id`,
    [
      v.agreedVolumeId, v.batchId, v.winningProductId, v.productId, v.kind, v.institutionId, v.institutionName, v.institutionRegionCode,
      v.poolingRegionCode, v.contractYearStart, v.contractYearEnd, v.quantity, v.winningPrice, v.amount, v.agreedOn,
    ],
  );
  const [existing]: PrepaymentRow[] = await tx.query(`SELECT * FROM insurance.prepayment WHERE agreed_volume_id = $1 FOR UPDATE`, [agreedVolumeId]);
  if (!existing) {
    const terms = await prepaymentTerms(tx, v.institutionRegionCode, v.agreedOn, v.kind);
    if (!terms.share) {
      log.info({ agreedVolumeId, kind: v.kind, regionCode: v.institutionRegionCode }, 'G-01 sets no prepayment share here: nothing to prepay');
      return;
    }
    const target = new Money(v.amount).times(terms.share.value);
    await tx.query(
      `INSERT INTO insurance.prepayment (id, agreed_volume_id, institution_id, region_code, product_id, kind, contract_year_start, contract_year_end, agreed_on,
                                         agreed_quantity, agreed_amount, share, share_policy_region_code, share_policy_effective_from, share_policy_document,
                                         target_amount, due_date, deadline_days, deadline_policy_document, recovery_due_by, recovery_policy_document,
                                         continues_after_completion)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)`,
      [
        agreedVolumeId, agreedVolumeId, v.institutionId, v.institutionRegionCode, v.productId, v.kind, v.contractYearStart, v.contractYearEnd, v.agreedOn,
        v.quantity, v.amount, terms.share.value, terms.share.regionCode, terms.share.effectiveFrom, terms.share.document,
        decimalText(target), terms.deadline ? addDays(v.agreedOn, terms.deadline.days) : null, terms.deadline?.days ?? null, terms.deadline?.document ?? null,
        terms.recovery ? endOfMonthsAfter(v.contractYearEnd, terms.recovery.months) : null, terms.recovery?.document ?? null, terms.continuesAfterCompletion,
      ],
    );
    log.info({ agreedVolumeId }, 'prepayment set up');
    return;
  }
  const target = new Money(v.amount).times(existing.share);
  const difference = target.minus(existing.target_amount);
  if (existing.disbursed_on !== null && !difference.isZero()) {
    const change = `agreed volume ${existing.agreed_quantity} → ${v.quantity}`;
    const recovered = Money.min(difference.abs(), existing.balance);
    if (difference.gt(0) || recovered.gt(0)) {
      await tx.query(
        `INSERT INTO insurance.prepayment_entry (prepayment_id, kind, amount, entry_on, reason, reference, policy_region_code, policy_effective_from)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          existing.id,
          difference.gt(0) ? 'TOP_UP' : 'RECOVERY',
          decimalText(difference.gt(0) ? difference : recovered),
          changedOn > v.agreedOn ? changedOn : v.agreedOn,
          difference.gt(0) ? `I-05: ${change}, share ${existing.share} of the added amount prepaid` : `I-05/G-03: ${change}, the prepayment for the removed amount recovered`,
          `agreed-volume:${v.agreedVolumeId}:${v.quantity}`,
          existing.share_policy_region_code,
          existing.share_policy_effective_from,
        ],
      );
    }
  }
  await tx.query(
    `UPDATE insurance.prepayment SET agreed_quantity = $2, agreed_amount = $3, target_amount = $4, version = version + 1 WHERE id = $1`,
    [existing.id, v.quantity, v.amount, decimalText(target)],
  );
}

/**
 * I-05: once an institution has bought its agreed volume of a product for the contract year, the fund
 * keeps prepaying on what it actually buys beyond it (where the policy says so, e.g. Shaoguan, Guichi):
 * a CONTINUATION entry of the share × the excess quantity × the price paid, once per delivery line.
 * Runs only when the payable of `receipt` was newly opened (a redelivered event never reaches it), so the
 * purchases it counts include this delivery exactly once.
 */
export async function continuePrepayments(tx: EntityManager, receipt: ReceiptConfirmedV1, log: Logger): Promise<void> {
  for (const line of receipt.lines) {
    const [row] = await tx.query(
      `SELECT p.id, p.share, p.agreed_quantity, p.share_policy_region_code, p.share_policy_effective_from,
              (SELECT coalesce(sum(l.quantity), 0) FROM insurance.settlement s JOIN insurance.settlement_line l ON l.settlement_id = s.id
                WHERE s.institution_id = p.institution_id AND l.product_id = p.product_id
                  AND s.accepted_on BETWEEN p.contract_year_start AND p.contract_year_end) AS purchased
         FROM insurance.prepayment p
        WHERE p.institution_id = $1 AND p.product_id = $2 AND $3::date BETWEEN p.contract_year_start AND p.contract_year_end
          AND p.disbursed_on IS NOT NULL AND p.continues_after_completion
        FOR UPDATE OF p`,
      [receipt.institutionId, line.productId, receipt.acceptedOn],
    );
    if (!row) continue;
    const after = BigInt(row.purchased);
    const before = after - BigInt(line.quantity);
    const agreed = BigInt(row.agreed_quantity);
    const floor = before > agreed ? before : agreed;
    const excess = after > floor ? after - floor : 0n;
    if (excess === 0n) continue;
    const amount = new Money(line.unitPrice).times(excess.toString()).times(row.share);
    if (amount.lte(0)) continue;
    await tx.query(
      `INSERT INTO insurance.prepayment_entry (prepayment_id, kind, amount, entry_on, reason, reference, policy_region_code, policy_effective_from)
       VALUES ($1, 'CONTINUATION', $2, $3, $4, $5, $6, $7)`,
      [
        row.id, decimalText(amount), receipt.acceptedOn,
        `I-05: agreed volume ${agreed} complete; ${excess} more units bought, share ${row.share} prepaid on them`,
        `delivery:${receipt.deliveryId}:${line.lineNo}`, row.share_policy_region_code, row.share_policy_effective_from,
      ],
    );
    log.info({ prepaymentId: row.id, deliveryId: receipt.deliveryId }, 'prepayment continued on purchases beyond the agreed volume');
  }
}

/** procurement.AgreedVolumeSet.v1 → the local agreed volume and its prepayment. */
export const prepaymentEventHandlers: EventHandlers = {
  'procurement.AgreedVolumeSet.v1': (tx, event, log) => applyAgreedVolume(tx, event.payload as AgreedVolumeSetV1, chinaDateOf(new Date(event.occurredAt)), log),
};
