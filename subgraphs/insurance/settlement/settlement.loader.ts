import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { Identity } from '../../shared/auth/identity';
import { Settlement, SettlementLine } from './settlement.entity';
import { scopeSettlements } from './settlement.scope';

/** The lines of many payables in one query (the payables themselves were already scoped). */
export function createSettlementLinesLoader(db: EntityManager): DataLoader<string, SettlementLine[]> {
  return new DataLoader(async (ids: readonly string[]) => {
    const rows = await db.getRepository(SettlementLine).createQueryBuilder('l').where('l.settlement_id = ANY(:ids)', { ids }).orderBy('l.line_no').getMany();
    const bySettlement = new Map<string, SettlementLine[]>();
    for (const line of rows) bySettlement.set(line.settlementId, [...(bySettlement.get(line.settlementId) ?? []), line]);
    return ids.map((id) => bySettlement.get(id) ?? []);
  });
}

/**
 * The payable of each of many deliveries, within the caller's scope, in one query: a delivery outside
 * the scope, or whose receipt is not confirmed yet, has none (null).
 */
export function createSettlementByDeliveryLoader(db: EntityManager, identity: Identity | undefined): DataLoader<string, Settlement | null> {
  return new DataLoader(async (deliveryIds: readonly string[]) => {
    if (!identity) return deliveryIds.map(() => null);
    const qb = db.getRepository(Settlement).createQueryBuilder('s').where('s.delivery_id = ANY(:ids)', { ids: [...deliveryIds] });
    const found = await scopeSettlements(qb, 's', identity).getMany();
    const byDelivery = new Map(found.map((s) => [s.deliveryId, s]));
    return deliveryIds.map((id) => byDelivery.get(id) ?? null);
  });
}
