import { requireCurrentVersion, updateVersioned } from '../../shared/db/versioned-update';
import { errors } from '../../shared/errors';
import type { OrderCancelledV1 } from '../../shared/events/contracts';
import { recordEvent } from '../../shared/events/outbox';
import { requireCleanText, requireId } from '../../shared/validation';
import type { ProcurementContext } from '../context';
import { OrderState, PurchaseOrder } from './order.entity';
import type { CancelOrderInput } from './order.input';

/**
 * P-12: the ordering institution cancels an order while it is still PLACED (the distributor has not
 * answered it). The OrderCancelled event tells distribution not to ship it. Another institution's order
 * is NOT_FOUND, like a missing one.
 */
export async function cancelOrder(ctx: ProcurementContext, input: CancelOrderInput): Promise<PurchaseOrder> {
  const orderId = requireId(input.orderId, 'orderId');
  const reason = requireCleanText(input.reason, 'reason', 500);
  const institutionId = ctx.identity!.org!;
  return ctx.db.transaction(async (tx) => {
    const order = await tx.getRepository(PurchaseOrder).createQueryBuilder('o').setLock('pessimistic_write').where('o.id = :orderId', { orderId }).getOne();
    if (!order || order.institutionId !== institutionId) throw errors.notFound('Order', orderId);
    if (order.state !== OrderState.PLACED) throw errors.conflict(`P-12: order ${orderId} is ${order.state}; only a PLACED order can be cancelled`, { rule: 'P-12' });
    requireCurrentVersion(input.expectedVersion, order.version);
    const cancelledAt = new Date();
    const version = await updateVersioned(tx, 'procurement.purchase_order', orderId, order.version, {
      state: OrderState.CANCELLED,
      cancelled_at: cancelledAt,
      cancel_reason: reason,
      updated_at: cancelledAt,
    });
    await recordEvent<OrderCancelledV1>(tx, 'procurement', {
      type: 'OrderCancelled',
      version: 1,
      key: orderId,
      payload: { orderId, institutionId, regionCode: order.regionCode, distributorId: order.distributorId, reason, cancelledAt: cancelledAt.toISOString() },
    });
    ctx.log.info({ orderId }, 'order cancelled');
    return Object.assign(order, { state: OrderState.CANCELLED, cancelledAt, cancelReason: reason, version });
  });
}
