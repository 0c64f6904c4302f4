import type { ProcurementContext } from '../context';
import type { PurchaseOrder } from './order.entity';

/** `_entities` for Order: the scoped loader, so another institution's order resolves to null. */
export function resolveOrderReference(reference: { id: string }, ctx: ProcurementContext): Promise<PurchaseOrder | null> {
  return ctx.loaders.orderById.load(reference.id);
}
