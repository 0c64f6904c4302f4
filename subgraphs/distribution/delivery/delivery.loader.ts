import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { Identity } from '../../shared/auth/identity';
import { Delivery, DeliveryLine } from './delivery.entity';
import { scopeDeliveries } from './delivery.scope';

/**
 * Deliveries by a unique column (its id, or its order: one delivery per order) within the caller's
 * scope, many in one query; one not there yet, or unseen, loads as null.
 */
function scopedDeliveryLoader(db: EntityManager, identity: Identity | undefined, key: 'id' | 'orderId'): DataLoader<string, Delivery | null> {
  const column = key === 'id' ? 'd.id' : 'd.order_id';
  return new DataLoader(async (keys: readonly string[]) => {
    if (!identity) return keys.map(() => null);
    const qb = db.getRepository(Delivery).createQueryBuilder('d').where(`${column} = ANY(:keys)`, { keys: [...keys] });
    const rows = await scopeDeliveries(qb, 'd', identity).getMany();
    const byKey = new Map(rows.map((d) => [d[key], d]));
    return keys.map((k) => byKey.get(k) ?? null);
  });
}

/** Deliveries by id within the caller's scope. */
export function createDeliveryLoader(db: EntityManager, identity: Identity | undefined): DataLoader<string, Delivery | null> {
  return scopedDeliveryLoader(db, identity, 'id');
}

/** The delivery of each order within the caller's scope (none yet, or unseen: null). */
export function createDeliveryByOrderLoader(db: EntityManager, identity: Identity | undefined): DataLoader<string, Delivery | null> {
  return scopedDeliveryLoader(db, identity, 'orderId');
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

