import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { Identity } from '../../shared/auth/identity';
import { Delivery, DeliveryLine } from './delivery.entity';
import { scopeDeliveries } from './delivery.scope';

/** Deliveries by id within the caller's scope (an unseen one loads as null). */
export function createDeliveryLoader(db: EntityManager, identity: Identity | undefined): DataLoader<string, Delivery | null> {
  return new DataLoader(async (ids: readonly string[]) => {
    if (!identity) return ids.map(() => null);
    const qb = db.getRepository(Delivery).createQueryBuilder('d').where('d.id = ANY(:ids)', { ids });
    const rows = await scopeDeliveries(qb, 'd', identity).getMany();
    const byId = new Map(rows.map((d) => [d.id, d]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** The lines of many deliveries' orders in one query. */
export function createDeliveryLinesLoader(db: EntityManager): DataLoader<string, DeliveryLine[]> {
  return new DataLoader(async (orderIds: readonly string[]) => {
    const rows = await db.getRepository(DeliveryLine).createQueryBuilder('l').where('l.order_id = ANY(:orderIds)', { orderIds }).orderBy('l.line_no').getMany();
    const byOrder = new Map<string, DeliveryLine[]>();
    for (const line of rows) byOrder.set(line.orderId, [...(byOrder.get(line.orderId) ?? []), line]);
    return orderIds.map((id) => byOrder.get(id) ?? []);
  });
}

/** The delivery of each of many orders, within the caller's scope, in one query (none yet, or unseen: null). */
export function createDeliveryByOrderLoader(db: EntityManager, identity: Identity | undefined): DataLoader<string, Delivery | null> {
  return new DataLoader(async (orderIds: readonly string[]) => {
    if (!identity) return orderIds.map(() => null);
    const qb = db.getRepository(Delivery).createQueryBuilder('d').where('d.order_id = ANY(:ids)', { ids: [...orderIds] });
    const rows = await scopeDeliveries(qb, 'd', identity).getMany();
    const byOrder = new Map(rows.map((d) => [d.orderId, d]));
    return orderIds.map((id) => byOrder.get(id) ?? null);
  });
}
