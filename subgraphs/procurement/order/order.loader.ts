import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { Identity } from '../../shared/auth/identity';
import { OrderLine, PurchaseOrder } from './order.entity';
import { scopeOrders } from './order.scope';

/** Orders by id within the caller's scope (an unseen one loads as null). */
export function createOrderLoader(db: EntityManager, identity: Identity | undefined): DataLoader<string, PurchaseOrder | null> {
  return new DataLoader(async (ids: readonly string[]) => {
    if (!identity) return ids.map(() => null);
    const qb = db.getRepository(PurchaseOrder).createQueryBuilder('o').where('o.id = ANY(:ids)', { ids });
    const rows = await scopeOrders(qb, 'o', identity).getMany();
    const byId = new Map(rows.map((o) => [o.id, o]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** The lines of many orders in one query (the orders themselves were already scoped). */
export function createOrderLinesLoader(db: EntityManager): DataLoader<string, OrderLine[]> {
  return new DataLoader(async (orderIds: readonly string[]) => {
    const rows = await db
      .getRepository(OrderLine)
      .createQueryBuilder('l')
      .where('l.order_id = ANY(:orderIds)', { orderIds })
      .orderBy('l.order_id')
      .addOrderBy('l.line_no')
      .getMany();
    const byOrder = new Map<string, OrderLine[]>();
    for (const line of rows) byOrder.set(line.orderId, [...(byOrder.get(line.orderId) ?? []), line]);
    return orderIds.map((id) => byOrder.get(id) ?? []);
  });
}
