import type { EventHandlers } from '../../shared/events/consumer';
import { OrderState } from './order.entity';

/**
 * P-12 state changes that distribution reports. A state only moves forward: a late or replayed event
 * never takes an order back.
 */
const ORDER_PROGRESS: OrderState[] = [OrderState.PLACED, OrderState.ACCEPTED, OrderState.SHIPPED, OrderState.DELIVERED, OrderState.RECEIPT_CONFIRMED];

function advanceTo(state: OrderState) {
  const earlier = ORDER_PROGRESS.slice(0, ORDER_PROGRESS.indexOf(state));
  return async (tx: Parameters<EventHandlers[string]>[0], event: { payload: { orderId: string } }) => {
    await tx.query(`UPDATE procurement.purchase_order SET state = $2, updated_at = now(), version = version + 1 WHERE id = $1 AND state = ANY($3)`, [
      event.payload.orderId,
      state,
      earlier,
    ]);
  };
}

/** What procurement does with other subgraphs' events. */
export const orderEventHandlers: EventHandlers = {
  'distribution.OrderShipped.v1': advanceTo(OrderState.SHIPPED),
  'distribution.ReceiptConfirmed.v1': advanceTo(OrderState.RECEIPT_CONFIRMED),
};
