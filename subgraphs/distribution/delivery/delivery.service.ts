import { randomUUID } from 'node:crypto';
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
    const version = await updateVersioned(tx, 'distribution.delivery', deliveryId, delivery.version, {
      status: DeliveryStatus.RECEIPT_CONFIRMED,
      warehoused_at: warehousedAt,
      confirmed_at: now,
      confirmation_deadline: deadline,
      confirmed_late: late,
    });
    Object.assign(delivery, { status: DeliveryStatus.RECEIPT_CONFIRMED, warehousedAt, confirmedAt: now, confirmationDeadline: deadline, confirmedLate: late, version });
    const lines = await tx.getRepository(DeliveryLine).find({ where: { orderId: delivery.orderId }, order: { lineNo: 'ASC' } });
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
        amount: delivery.amount,
        lines: lines.map((l) => ({ lineNo: l.lineNo, productId: l.productId, quantity: l.quantity, unitPrice: l.unitPrice, amount: l.amount })),
      },
    });
    ctx.log.info({ deliveryId, late }, 'receipt confirmed');
    return delivery;
  });
}

/** Deliveries within the caller's scope. */
export async function listDeliveries(ctx: DistributionContext, filter: DeliveryFilter | undefined, page: PageInput | undefined) {
  const request = pageRequest(page);
  const qb = ctx.db.getRepository(Delivery).createQueryBuilder('d').orderBy('d.id').limit(request.limit + 1);
  scopeDeliveries(qb, 'd', ctx.identity!);
  if (filter?.status !== undefined) qb.andWhere('d.status = :status', { status: filter.status });
  if (filter?.confirmedLate !== undefined) qb.andWhere('d.confirmed_late = :late', { late: filter.confirmedLate });
  if (filter?.orderId !== undefined) qb.andWhere('d.order_id = :orderId', { orderId: requireId(filter.orderId, 'orderId') });
  if (request.afterKey) qb.andWhere('d.id > :after', { after: requireId(request.afterKey, 'after') });
  return toPage(await qb.getMany(), request, (d) => d.id);
}

export async function getDelivery(ctx: DistributionContext, id: string): Promise<Delivery> {
  const delivery = await ctx.loaders.deliveryById.load(requireId(id));
  if (!delivery) throw errors.notFound('Delivery', id);
  return delivery;
}
