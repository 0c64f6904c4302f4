import type { EventHandlers } from '../../shared/events/consumer';
import type { OrderCancelledV1 } from '../../shared/events/contracts';

/**
 * P-12: an order the institution cancelled leaves distribution's order book, so shipOrder no longer finds
 * it (NOT_FOUND, as for any order the distributor cannot ship). Procurement cancels PLACED orders only;
 * if the distributor shipped before the cancellation arrived, the delivery stands and is logged.
 */
export const orderCancelledEventHandlers: EventHandlers = {
  'procurement.OrderCancelled.v1': async (tx, event, log) => {
    const { orderId } = event.payload as OrderCancelledV1;
    const [shipped] = await tx.query('SELECT id FROM distribution.delivery WHERE order_id = $1', [orderId]);
    if (shipped) {
      log.warn({ orderId, deliveryId: shipped.id }, 'order cancelled after it was shipped; the delivery stands');
      return;
    }
    await tx.query('DELETE FROM distribution.order_line_copy WHERE order_id = $1', [orderId]);
    await tx.query('DELETE FROM distribution.order_copy WHERE id = $1', [orderId]);
  },
};
