import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { requireCurrentVersion, updateVersioned } from '../../shared/db/versioned-update';
import { errors } from '../../shared/errors';
import type { OrderShippedV1, ReceiptConfirmedV1 } from '../../shared/events/contracts';
import { recordEvent } from '../../shared/events/outbox';
import { pageRequest, PageInput, toPage } from '../../shared/graphql/pagination';
import { chinaDateOf } from '../../shared/graphql/scalars';
import { inherit, policyKey } from '../../shared/policy/jurisdiction-policy';
import { requestHash, requireId, requireIdempotencyKey } from '../../shared/validation';
import type { DistributionContext } from '../context';
import { Delivery, DeliveryLine, DeliveryStatus } from './delivery.entity';
import type { ConfirmReceiptInput, DeliveryFilter, ShipOrderInput } from './delivery.input';
import { scopeDeliveries } from './delivery.scope';
import { checkReceipt, ReceiptCheck } from '../receipt/receipt.check';
import { requireTraceabilityCode } from '../traceability/traceability-code';

/** Clocks disagree a little; a warehousing time this far ahead of the server's is still accepted. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** D-03: the distributor an order names ships it, whole. One delivery per order; the event tells procurement. */
export async function shipOrder(ctx: DistributionContext, input: ShipOrderInput): Promise<Delivery> {
  const orderId = requireId(input.orderId, 'orderId');
  const idempotencyKey = input.idempotencyKey === undefined || input.idempotencyKey === null ? undefined : requireIdempotencyKey(input.idempotencyKey);
  const hash = requestHash({ orderId });
  const distributorId = ctx.identity!.org!;
  return ctx.db.transaction(async (tx) => {
    if (idempotencyKey) {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`shipOrder:${distributorId}:${idempotencyKey}`]);
      const previous = await tx.getRepository(Delivery).findOneBy({ distributorId, idempotencyKey });
      if (previous) {
        if (previous.requestHash !== hash) throw errors.conflict('This idempotency key was already used for another order');
        return previous;
      }
    }
    const [order] = await tx.query(
      `SELECT id, institution_id, region_code, distributor_id, total_amount FROM distribution.order_copy WHERE id = $1 FOR UPDATE`,
      [orderId],
    );
    // Another distributor's order answers exactly like an unknown one.
    if (!order || order.distributor_id !== distributorId) throw errors.notFound('Order', orderId);
    const shipped = await tx.getRepository(Delivery).findOneBy({ orderId });
    if (shipped) throw errors.conflict(`Order ${orderId} was already shipped as delivery ${shipped.id}`);
    const delivery = tx.getRepository(Delivery).create({
      id: randomUUID(),
      orderId,
      distributorId,
      institutionId: order.institution_id,
      regionCode: order.region_code,
      amount: order.total_amount,
      status: DeliveryStatus.SHIPPED,
      shippedAt: new Date(),
      warehousedAt: null,
      confirmedAt: null,
      confirmationDeadline: null,
      confirmedLate: null,
      version: 1,
      idempotencyKey: idempotencyKey ?? null,
      requestHash: idempotencyKey ? hash : null,
    });
    await tx.getRepository(Delivery).insert(delivery);
    await recordEvent<OrderShippedV1>(tx, 'distribution', {
      type: 'OrderShipped',
      version: 1,
      key: orderId,
      payload: { orderId, deliveryId: delivery.id, distributorId, institutionId: order.institution_id, shippedAt: delivery.shippedAt.toISOString() },
    });
    ctx.log.info({ orderId, deliveryId: delivery.id }, 'order shipped');
    return delivery;
  });
}

/**
 * D-03 and G-05: the institution confirms receipt. The deadline is the warehousing time plus the hours
 * the region's policy allows on that day; a late confirmation is recorded and flagged, not refused (the
 * goods did arrive). The ReceiptConfirmed event opens the payable in insurance.
 */
export async function confirmReceipt(ctx: DistributionContext, input: ConfirmReceiptInput): Promise<Delivery> {
  const deliveryId = requireId(input.deliveryId, 'deliveryId');
  const now = new Date();
  const warehousedAt = input.warehousedAt ?? now;
  const institutionId = ctx.identity!.org!;
  if (warehousedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw errors.badInput('warehousedAt cannot be in the future', { field: 'warehousedAt' });

  return ctx.db.transaction(async (tx) => {
    const delivery = await tx.getRepository(Delivery).createQueryBuilder('d').setLock('pessimistic_write').where('d.id = :deliveryId', { deliveryId }).getOne();
    if (!delivery || delivery.institutionId !== institutionId) throw errors.notFound('Delivery', deliveryId);
    if (delivery.status === DeliveryStatus.RECEIPT_CONFIRMED) throw errors.conflict(`Receipt of delivery ${deliveryId} was already confirmed`);
    if (warehousedAt < delivery.shippedAt) throw errors.badInput('warehousedAt cannot be before the delivery was shipped', { field: 'warehousedAt' });

    const versions = await ctx.loaders.policyVersions.load(policyKey(delivery.regionCode, chinaDateOf(warehousedAt)));
    const window = inherit(versions, 'receipt_confirmation_hours');
    const deadline = window ? new Date(warehousedAt.getTime() + Number(window.row.receipt_confirmation_hours) * 3600_000) : null;
    const late = deadline ? now > deadline : null;

    requireCurrentVersion(input.expectedVersion, delivery.version);
    const orderLines = await tx.getRepository(DeliveryLine).find({ where: { orderId: delivery.orderId }, order: { lineNo: 'ASC' } });
    const check = checkReceipt(orderLines, input.lines);
    const version = await updateVersioned(tx, 'distribution.delivery', deliveryId, delivery.version, {
      status: DeliveryStatus.RECEIPT_CONFIRMED,
      warehoused_at: warehousedAt,
      confirmed_at: now,
      confirmation_deadline: deadline,
      confirmed_late: late,
      accepted_amount: check.acceptedAmount,
      discrepancy_count: check.discrepancies.length,
    });
    Object.assign(delivery, {
      status: DeliveryStatus.RECEIPT_CONFIRMED, warehousedAt, confirmedAt: now, confirmationDeadline: deadline, confirmedLate: late, version,
      acceptedAmount: check.acceptedAmount, discrepancyCount: check.discrepancies.length,
    });
    await recordReceiptCheck(tx, deliveryId, check);
    // The payable is for what was accepted: lines carry accepted quantities, fully refused lines are left out.
    const accepted = check.lines.filter((l) => l.acceptedQuantity > 0);
    await recordEvent<ReceiptConfirmedV1>(tx, 'distribution', {
      type: 'ReceiptConfirmed',
      version: 1,
      key: delivery.orderId,
      payload: {
        deliveryId,
        orderId: delivery.orderId,
        institutionId,
        regionCode: delivery.regionCode,
        enterpriseId: delivery.distributorId,
        acceptedOn: chinaDateOf(warehousedAt),
        warehousedAt: warehousedAt.toISOString(),
        confirmedAt: now.toISOString(),
        confirmationDeadline: deadline?.toISOString() ?? null,
        confirmedLate: late,
        amount: check.acceptedAmount,
        lines: accepted.map((l) => ({ lineNo: l.lineNo, productId: l.productId, quantity: l.acceptedQuantity, unitPrice: l.unitPrice, amount: l.acceptedAmount })),
      },
    });
    ctx.log.info({ deliveryId, late, discrepancies: check.discrepancies.length }, 'receipt confirmed');
    return delivery;
  });
}

/** The per-line outcome and the discrepancies of a receipt check, each in one statement. */
async function recordReceiptCheck(tx: EntityManager, deliveryId: string, check: ReceiptCheck): Promise<void> {
  await tx.query(
    `INSERT INTO distribution.receipt_line (delivery_id, line_no, received_quantity, accepted_quantity, accepted_amount)
     SELECT $1, * FROM unnest($2::int[], $3::bigint[], $4::bigint[], $5::numeric[])`,
    [deliveryId, check.lines.map((l) => l.lineNo), check.lines.map((l) => l.receivedQuantity), check.lines.map((l) => l.acceptedQuantity), check.lines.map((l) => l.acceptedAmount)],
  );
  if (check.discrepancies.length === 0) return;
  await tx.query(
    `INSERT INTO distribution.delivery_discrepancy (delivery_id, line_no, field, expected, received)
     SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[])`,
    [deliveryId, check.discrepancies.map((d) => d.lineNo), check.discrepancies.map((d) => d.field), check.discrepancies.map((d) => d.expected), check.discrepancies.map((d) => d.received)],
  );
}

/** Deliveries within the caller's scope. */
export async function listDeliveries(ctx: DistributionContext, filter: DeliveryFilter | undefined, page: PageInput | undefined) {
  const request = pageRequest(page);
  const qb = ctx.db.getRepository(Delivery).createQueryBuilder('d').orderBy('d.id').limit(request.limit + 1);
  scopeDeliveries(qb, 'd', ctx.identity!);
  if (filter?.status !== undefined) qb.andWhere('d.status = :status', { status: filter.status });
  if (filter?.confirmedLate !== undefined) qb.andWhere('d.confirmed_late = :late', { late: filter.confirmedLate });
  if (filter?.orderId !== undefined) qb.andWhere('d.order_id = :orderId', { orderId: requireId(filter.orderId, 'orderId') });
  if (filter?.hasDiscrepancies != null) qb.andWhere(filter.hasDiscrepancies ? 'd.discrepancy_count > 0' : 'd.discrepancy_count = 0');
  if (filter?.traceabilityCode != null) {
    qb.andWhere('EXISTS (SELECT 1 FROM distribution.traceability_code tc WHERE tc.delivery_id = d.id AND tc.code = :code)', { code: requireTraceabilityCode(filter.traceabilityCode, 'traceabilityCode') });
  }
  if (request.afterKey) qb.andWhere('d.id > :after', { after: requireId(request.afterKey, 'after') });
  return toPage(await qb.getMany(), request, (d) => d.id);
}

export async function getDelivery(ctx: DistributionContext, id: string): Promise<Delivery> {
  const delivery = await ctx.loaders.deliveryById.load(requireId(id));
  if (!delivery) throw errors.notFound('Delivery', id);
  return delivery;
}
