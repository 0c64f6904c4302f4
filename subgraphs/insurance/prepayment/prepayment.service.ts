import type { EntityManager } from 'typeorm';
import { requireCurrentVersion, updateVersioned } from '../../shared/db/versioned-update';
import { errors } from '../../shared/errors';
import { pageRequest, PageInput, toPage } from '../../shared/graphql/pagination';
import { decimalText, Money, parseIsoDate, todayInChina } from '../../shared/graphql/scalars';
import { regionLikePattern } from '../../shared/region';
import { requestHash, requireId, requireIdempotencyKey, requirePositiveAmount, requireRegionCode } from '../../shared/validation';
import type { InsuranceContext } from '../context';
import { Prepayment, PrepaymentStatus } from './prepayment.entity';
import type { PrepaymentFilter, RecordClaimOffsetInput, RecordPrepaymentDisbursementInput, RecoverPrepaymentLeftoverInput } from './prepayment.input';
import { policyVersionsOn } from './prepayment.policy';
import { scopePrepayments } from './prepayment.scope';

/** A prepayment as shown on one day: its status is judged on `asOf`. */
export type PrepaymentOn = Prepayment & { asOf: string };

/** G-02: paid out by `asOf` → PAID; unpaid after the due date → OVERDUE; otherwise DUE. */
export function prepaymentStatusOn(p: Prepayment, asOf: string): PrepaymentStatus {
  if (p.disbursedOn && p.disbursedOn <= asOf) return PrepaymentStatus.PAID;
  return p.dueDate !== null && p.dueDate < asOf ? PrepaymentStatus.OVERDUE : PrepaymentStatus.DUE;
}

const STATUS_SQL = `CASE WHEN p.disbursed_on IS NOT NULL AND p.disbursed_on <= :asOf THEN 'PAID' WHEN p.due_date < :asOf THEN 'OVERDUE' ELSE 'DUE' END`;

/** Prepayments within the caller's scope, each with its status on `asOf` (default today). */
export async function listPrepayments(ctx: InsuranceContext, filter: PrepaymentFilter | undefined, page: PageInput | undefined) {
  const request = pageRequest(page);
  const asOf = filter?.asOf ?? todayInChina();
  const qb = ctx.db.getRepository(Prepayment).createQueryBuilder('p').orderBy('p.id').limit(request.limit + 1).setParameter('asOf', asOf);
  scopePrepayments(qb, 'p', ctx.identity!);
  if (filter?.status !== undefined) qb.andWhere(`${STATUS_SQL} = :status`, { status: filter.status });
  if (filter?.institutionId !== undefined) qb.andWhere('p.institution_id = :inst', { inst: requireId(filter.institutionId, 'institutionId') });
  if (filter?.productId !== undefined) qb.andWhere('p.product_id = :product', { product: requireId(filter.productId, 'productId') });
  if (filter?.regionCode !== undefined) qb.andWhere('p.region_code LIKE :region', { region: regionLikePattern(requireRegionCode(filter.regionCode)) });
  if (request.afterKey) qb.andWhere('p.id > :after', { after: requireId(request.afterKey, 'after') });
  const result = toPage(await qb.getMany(), request, (p) => p.id);
  return { ...result, nodes: result.nodes.map((p) => Object.assign(p, { asOf })) };
}

/** The prepayment, locked, if the caller may act on it; another region's answers exactly like a missing one. */
async function lockInScope(tx: EntityManager, ctx: InsuranceContext, prepaymentId: string): Promise<Prepayment> {
  const qb = tx.getRepository(Prepayment).createQueryBuilder('p').setLock('pessimistic_write').where('p.id = :prepaymentId', { prepaymentId });
  const prepayment = await scopePrepayments(qb, 'p', ctx.identity!).getOne();
  if (!prepayment) throw errors.notFound('Prepayment', prepaymentId);
  return prepayment;
}

/**
 * The entry an earlier request of this caller wrote under `key`: the same body returns the prepayment as
 * it is now; another body is a CONFLICT. Undefined when the key is new.
 */
async function replay(tx: EntityManager, ctx: InsuranceContext, key: string, hash: string, prepaymentId: string): Promise<PrepaymentOn | undefined> {
  const [previous] = await tx.query(`SELECT prepayment_id, request_hash FROM insurance.prepayment_entry WHERE actor = $1 AND idempotency_key = $2`, [
    ctx.identity!.subject,
    key,
  ]);
  if (!previous) return undefined;
  if (previous.request_hash !== hash || previous.prepayment_id !== prepaymentId) throw errors.conflict('This idempotency key was already used for a different request');
  return Object.assign(await lockInScope(tx, ctx, prepaymentId), { asOf: todayInChina() });
}

const CLAIM_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9_\-/]{5,63}$/;

/** A claim number as the fund's systems write it: 6–64 letters, digits, '-', '_' or '/'. */
function requireClaimReference(value: string): string {
  if (typeof value !== 'string' || !CLAIM_REFERENCE.test(value)) {
    throw errors.badInput("claimReference must be 6 to 64 letters, digits, '-', '_' or '/', starting with a letter or digit", { field: 'claimReference' });
  }
  return value;
}

/** A day given by the caller (default today), never in the future. */
function pastOrToday(value: string | undefined, field: string): string {
  const today = todayInChina();
  const day = value ? parseIsoDate(value) : today;
  if (day > today) throw errors.badInput(`${field} cannot be in the future`, { field });
  return day;
}

/** The nearest policy version in force in the region on `day`; BAD_USER_INPUT when none is (a date outside any policy). */
async function policyInForce(tx: EntityManager, regionCode: string, day: string, field: string, rule: string) {
  const [nearest] = await policyVersionsOn(tx, regionCode, day);
  if (!nearest) throw errors.badInput(`${rule}: no insurance policy is in force in ${regionCode} on ${day}`, { field, rule });
  return nearest;
}

async function postEntry(
  tx: EntityManager,
  entry: { prepaymentId: string; kind: string; amount: string; entryOn: string; reason: string; reference: string | null; policyRegionCode: string; policyEffectiveFrom: string },
  ctx: InsuranceContext,
  idempotencyKey: string,
  hash: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO insurance.prepayment_entry (prepayment_id, kind, amount, entry_on, reason, reference, policy_region_code, policy_effective_from, actor, idempotency_key, request_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [entry.prepaymentId, entry.kind, entry.amount, entry.entryOn, entry.reason, entry.reference, entry.policyRegionCode, entry.policyEffectiveFrom, ctx.identity!.subject, idempotencyKey, hash],
  );
}

async function reread(tx: EntityManager, id: string): Promise<PrepaymentOn> {
  const prepayment = await tx.getRepository(Prepayment).findOneByOrFail({ id });
  return Object.assign(prepayment, { asOf: todayInChina() });
}

/**
 * I-05/G-02: the fund pays the prepayment out: a PREPAYMENT entry of the amount the agreement calls for
 * (G-01 share × agreed amount). Once only: a second payout under a new key is a CONFLICT.
 */
export async function recordPrepaymentDisbursement(ctx: InsuranceContext, input: RecordPrepaymentDisbursementInput): Promise<PrepaymentOn> {
  const prepaymentId = requireId(input.prepaymentId, 'prepaymentId');
  const idempotencyKey = requireIdempotencyKey(input.idempotencyKey);
  const disbursedOn = pastOrToday(input.disbursedOn, 'disbursedOn');
  const hash = requestHash({ op: 'disburse', prepaymentId, disbursedOn: input.disbursedOn ?? null });
  return ctx.db.transaction(async (tx) => {
    const replayed = await replay(tx, ctx, idempotencyKey, hash, prepaymentId);
    if (replayed) return replayed;
    const prepayment = await lockInScope(tx, ctx, prepaymentId);
    if (prepayment.disbursedOn) throw errors.conflict(`Prepayment ${prepaymentId} was already paid out on ${prepayment.disbursedOn}`, { rule: 'I-05' });
    requireCurrentVersion(input.expectedVersion, prepayment.version);
    if (disbursedOn < prepayment.agreedOn) throw errors.badInput('I-05: disbursedOn cannot be before the agreement was signed', { field: 'disbursedOn', rule: 'I-05' });
    if (new Money(prepayment.targetAmount).lte(0)) throw errors.badInput('I-05: the agreed amount is zero, there is nothing to prepay', { field: 'prepaymentId', rule: 'I-05' });
    await updateVersioned(tx, 'insurance.prepayment', prepaymentId, prepayment.version, { disbursed_on: disbursedOn });
    const late = prepayment.dueDate !== null && disbursedOn > prepayment.dueDate ? `, after the G-02 deadline ${prepayment.dueDate}` : '';
    await postEntry(
      tx,
      {
        prepaymentId, kind: 'PREPAYMENT', amount: decimalText(prepayment.targetAmount), entryOn: disbursedOn,
        reason: `I-05/G-01: ${prepayment.share} of the agreed amount ${decimalText(prepayment.agreedAmount)} paid out${late}`,
        reference: null, policyRegionCode: prepayment.sharePolicyRegionCode, policyEffectiveFrom: prepayment.sharePolicyEffectiveFrom,
      },
      ctx, idempotencyKey, hash,
    );
    ctx.log.info({ prepaymentId }, 'prepayment paid out');
    return reread(tx, prepaymentId);
  });
}

/**
 * I-05/G-03: offsets part of the prepaid balance against the institution's claim. More than the balance
 * is BAD_USER_INPUT and nothing is written; the ledger trigger refuses a negative balance as a last guard.
 */
export async function recordClaimOffset(ctx: InsuranceContext, input: RecordClaimOffsetInput): Promise<PrepaymentOn> {
  const prepaymentId = requireId(input.prepaymentId, 'prepaymentId');
  const amount = requirePositiveAmount(input.amount, 'amount');
  const claimReference = requireClaimReference(input.claimReference);
  const idempotencyKey = requireIdempotencyKey(input.idempotencyKey);
  const offsetOn = pastOrToday(input.offsetOn, 'offsetOn');
  const hash = requestHash({ op: 'offset', prepaymentId, amount: decimalText(amount), claimReference, offsetOn: input.offsetOn ?? null });
  return ctx.db.transaction(async (tx) => {
    const replayed = await replay(tx, ctx, idempotencyKey, hash, prepaymentId);
    if (replayed) return replayed;
    const prepayment = await lockInScope(tx, ctx, prepaymentId);
    const policy = await policyInForce(tx, prepayment.regionCode, offsetOn, 'offsetOn', 'G-03');
    if (amount.gt(prepayment.balance)) {
      throw errors.badInput(`I-05/G-03: the offset ${decimalText(amount)} exceeds the prepaid balance ${decimalText(prepayment.balance)}`, { field: 'amount', rule: 'I-05' });
    }
    if (prepayment.disbursedOn && offsetOn < prepayment.disbursedOn) {
      throw errors.badInput(`I-05: offsetOn cannot be before the prepayment was paid out (${prepayment.disbursedOn})`, { field: 'offsetOn', rule: 'I-05' });
    }
    await postEntry(
      tx,
      {
        prepaymentId, kind: 'OFFSET', amount: decimalText(amount), entryOn: offsetOn, reason: 'I-05/G-03: offset against the institution’s claim',
        reference: claimReference, policyRegionCode: policy.region_code, policyEffectiveFrom: policy.effective_from,
      },
      ctx, idempotencyKey, hash,
    );
    ctx.log.info({ prepaymentId }, 'prepayment offset against a claim');
    return reread(tx, prepaymentId);
  });
}

/** G-03: after the contract year, the fund recovers what is left of the prepayment, all of it. */
export async function recoverPrepaymentLeftover(ctx: InsuranceContext, input: RecoverPrepaymentLeftoverInput): Promise<PrepaymentOn> {
  const prepaymentId = requireId(input.prepaymentId, 'prepaymentId');
  const idempotencyKey = requireIdempotencyKey(input.idempotencyKey);
  const recoveredOn = pastOrToday(input.recoveredOn, 'recoveredOn');
  const hash = requestHash({ op: 'recover', prepaymentId, recoveredOn: input.recoveredOn ?? null });
  return ctx.db.transaction(async (tx) => {
    const replayed = await replay(tx, ctx, idempotencyKey, hash, prepaymentId);
    if (replayed) return replayed;
    const prepayment = await lockInScope(tx, ctx, prepaymentId);
    if (recoveredOn <= prepayment.contractYearEnd) {
      throw errors.badInput(`G-03: the leftover is recovered after the contract year ends (${prepayment.contractYearEnd})`, { field: 'recoveredOn', rule: 'G-03' });
    }
    const policy = await policyInForce(tx, prepayment.regionCode, recoveredOn, 'recoveredOn', 'G-03');
    const leftover = new Money(prepayment.balance);
    if (leftover.lte(0)) throw errors.badInput('G-03: nothing is left of this prepayment to recover', { field: 'prepaymentId', rule: 'G-03' });
    const late = prepayment.recoveryDueBy !== null && recoveredOn > prepayment.recoveryDueBy ? `, after the deadline ${prepayment.recoveryDueBy}` : '';
    await postEntry(
      tx,
      {
        prepaymentId, kind: 'RECOVERY', amount: decimalText(leftover), entryOn: recoveredOn, reason: `G-03: leftover recovered after the contract year${late}`,
        reference: null, policyRegionCode: policy.region_code, policyEffectiveFrom: policy.effective_from,
      },
      ctx, idempotencyKey, hash,
    );
    ctx.log.info({ prepaymentId }, 'prepayment leftover recovered');
    return reread(tx, prepaymentId);
  });
}
