import { randomUUID } from 'node:crypto';
import { requireCurrentVersion, updateVersioned } from '../../shared/db/versioned-update';
import { errors } from '../../shared/errors';
import type { SettlementPaidV1 } from '../../shared/events/contracts';
import { recordEvent } from '../../shared/events/outbox';
import { pageRequest, PageInput, toPage } from '../../shared/graphql/pagination';
import { decimalText, Money, parseIsoDate, todayInChina } from '../../shared/graphql/scalars';
import { regionLikePattern } from '../../shared/region';
import { requestHash, requireId, requireIdempotencyKey, requirePositiveAmount, requireRegionCode } from '../../shared/validation';
import type { InsuranceContext } from '../context';
import { Settlement, SettlementStatus } from './settlement.entity';
import type { RecordPaymentInput, SettlementFilter } from './settlement.input';
import { scopeSettlements } from './settlement.scope';

/** A payable as shown on one day: its status is judged on `asOf`. */
export type SettlementOn = Settlement & { asOf: string };

/** I-06: paid by `asOf` → PAID; unpaid after the due date → OVERDUE; otherwise DUE. */
export function statusOn(settlement: Settlement, asOf: string): SettlementStatus {
  if (settlement.paidOn && settlement.paidOn <= asOf) return SettlementStatus.PAID;
  return settlement.dueDate < asOf ? SettlementStatus.OVERDUE : SettlementStatus.DUE;
}

/** The same rule in SQL, so a status filter is a WHERE clause and pages stay full. */
const STATUS_SQL = `CASE WHEN s.paid_on IS NOT NULL AND s.paid_on <= :asOf THEN 'PAID' WHEN s.due_date < :asOf THEN 'OVERDUE' ELSE 'DUE' END`;

/** Payables within the caller's scope, each with its status on `asOf` (default today). */
export async function listSettlements(ctx: InsuranceContext, filter: SettlementFilter | undefined, page: PageInput | undefined) {
  const request = pageRequest(page);
  const asOf = filter?.asOf ?? todayInChina();
  const qb = ctx.db.getRepository(Settlement).createQueryBuilder('s').orderBy('s.id').limit(request.limit + 1).setParameter('asOf', asOf);
  scopeSettlements(qb, 's', ctx.identity!);
  if (filter?.status !== undefined) qb.andWhere(`${STATUS_SQL} = :status`, { status: filter.status });
  if (filter?.institutionId !== undefined) qb.andWhere('s.institution_id = :inst', { inst: requireId(filter.institutionId, 'institutionId') });
  if (filter?.enterpriseId !== undefined) qb.andWhere('s.enterprise_id = :ent', { ent: requireId(filter.enterpriseId, 'enterpriseId') });
  if (filter?.regionCode !== undefined) qb.andWhere('s.region_code LIKE :region', { region: regionLikePattern(requireRegionCode(filter.regionCode)) });
  if (request.afterKey) qb.andWhere('s.id > :after', { after: requireId(request.afterKey, 'after') });
  const page_ = toPage(await qb.getMany(), request, (s) => s.id);
  return { ...page_, nodes: page_.nodes.map((s) => Object.assign(s, { asOf })) };
}

/** The payable a delivery opened, for the caller, on `asOf`; NOT_FOUND before it exists or outside scope. */
export async function settlementForDelivery(ctx: InsuranceContext, deliveryId: string, asOf: string | undefined): Promise<SettlementOn> {
  const id = requireId(deliveryId, 'deliveryId');
  const qb = ctx.db.getRepository(Settlement).createQueryBuilder('s').where('s.delivery_id = :id', { id });
  const settlement = await scopeSettlements(qb, 's', ctx.identity!).getOne();
  if (!settlement) throw errors.notFound('Settlement for delivery', deliveryId);
  return Object.assign(settlement, { asOf: asOf ?? todayInChina() });
}

/**
 * I-06: the institution pays a payable in full. Exactly the amount owed, once: a second payment under a
 * new key is a CONFLICT, a retry under the same key and body returns the first result, and the same key
 * with another body is a CONFLICT. The row lock makes concurrent payments of one payable take turns.
 */
export async function recordPayment(ctx: InsuranceContext, input: RecordPaymentInput): Promise<SettlementOn> {
  const settlementId = requireId(input.settlementId, 'settlementId');
  const amount = requirePositiveAmount(input.amount, 'amount');
  const idempotencyKey = requireIdempotencyKey(input.idempotencyKey);
  const today = todayInChina();
  const paidOn = input.paidOn ? parseIsoDate(input.paidOn) : today;
  if (paidOn > today) throw errors.badInput('paidOn cannot be in the future', { field: 'paidOn' });
  const institutionId = ctx.identity!.org!;
  const hash = requestHash({ settlementId, amount: decimalText(amount), paidOn: input.paidOn ?? null });

  return ctx.db.transaction(async (tx) => {
    // Lock the payable first: concurrent retries of one payment then take turns, and each sees the first's row.
    const settlement = await tx
      .getRepository(Settlement)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.id = :settlementId AND s.institution_id = :institutionId', { settlementId, institutionId })
      .getOne();
    const [previous] = await tx.query(`SELECT settlement_id, request_hash FROM insurance.payment WHERE institution_id = $1 AND idempotency_key = $2`, [
      institutionId,
      idempotencyKey,
    ]);
    if (previous) {
      if (previous.request_hash !== hash || previous.settlement_id !== settlementId || !settlement) {
        throw errors.conflict('This idempotency key was already used for a different payment');
      }
      return Object.assign(settlement, { asOf: today });
    }
    // Another institution's payable answers exactly like a missing one.
    if (!settlement) throw errors.notFound('Settlement', settlementId);
    if (settlement.paidOn) throw errors.conflict(`Settlement ${settlementId} was already paid on ${settlement.paidOn}`, { rule: 'I-06' });
    const owed = new Money(settlement.amount).minus(settlement.paidAmount);
    if (!amount.eq(owed)) {
      throw errors.badInput(`I-06: the amount must equal what is owed, ${decimalText(owed)}`, { field: 'amount', rule: 'I-06' });
    }
    requireCurrentVersion(input.expectedVersion, settlement.version);
    if (paidOn < settlement.acceptedOn) throw errors.badInput('paidOn cannot be before the delivery was accepted', { field: 'paidOn' });

    await tx.query(
      `INSERT INTO insurance.payment (id, settlement_id, institution_id, amount, paid_on, idempotency_key, request_hash) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [randomUUID(), settlementId, institutionId, decimalText(amount), paidOn, idempotencyKey, hash],
    );
    const paidAmount = decimalText(new Money(settlement.paidAmount).plus(amount));
    const version = await updateVersioned(tx, 'insurance.settlement', settlementId, settlement.version, { paid_amount: paidAmount, paid_on: paidOn });
    Object.assign(settlement, { paidAmount, paidOn, version });
    await recordEvent<SettlementPaidV1>(tx, 'insurance', {
      type: 'SettlementPaid',
      version: 1,
      key: settlementId,
      payload: {
        settlementId,
        deliveryId: settlement.deliveryId,
        institutionId,
        enterpriseId: settlement.enterpriseId,
        amount: decimalText(amount),
        paidOn,
        dueDate: settlement.dueDate,
        paidLate: paidOn > settlement.dueDate,
      },
    });
    ctx.log.info({ settlementId }, 'payment recorded');
    return Object.assign(settlement, { asOf: today });
  });
}
