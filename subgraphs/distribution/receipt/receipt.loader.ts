import DataLoader from 'dataloader';
import type { EntityManager, ObjectLiteral, EntityTarget } from 'typeorm';
import { TraceabilityCode } from '../traceability/traceability.entity';
import { DeliveryDiscrepancy, ReceiptLine } from './receipt.entity';

/** Rows of `entity` for many deliveries in one query, grouped by delivery; the deliveries were scoped when loaded. */
function byDelivery<T extends ObjectLiteral & { deliveryId: string }>(db: EntityManager, entity: EntityTarget<T>, order: string): DataLoader<string, T[]> {
  return new DataLoader(async (deliveryIds: readonly string[]) => {
    const rows = await db.getRepository(entity).createQueryBuilder('r').where('r.delivery_id = ANY(:deliveryIds)', { deliveryIds }).orderBy(order).getMany();
    const grouped = new Map<string, T[]>();
    for (const row of rows) grouped.set(row.deliveryId, [...(grouped.get(row.deliveryId) ?? []), row]);
    return deliveryIds.map((id) => grouped.get(id) ?? []);
  });
}

export const createDiscrepancyLoader = (db: EntityManager) => byDelivery(db, DeliveryDiscrepancy, 'r.line_no');
export const createReceiptLineLoader = (db: EntityManager) => byDelivery(db, ReceiptLine, 'r.line_no');
export const createTraceabilityCodeLoader = (db: EntityManager) => byDelivery(db, TraceabilityCode, 'r.code');
