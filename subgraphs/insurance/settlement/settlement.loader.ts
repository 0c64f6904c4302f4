import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { SettlementLine } from './settlement.entity';

/** The lines of many payables in one query (the payables themselves were already scoped). */
export function createSettlementLinesLoader(db: EntityManager): DataLoader<string, SettlementLine[]> {
  return new DataLoader(async (ids: readonly string[]) => {
    const rows = await db.getRepository(SettlementLine).createQueryBuilder('l').where('l.settlement_id = ANY(:ids)', { ids }).orderBy('l.line_no').getMany();
    const bySettlement = new Map<string, SettlementLine[]>();
    for (const line of rows) bySettlement.set(line.settlementId, [...(bySettlement.get(line.settlementId) ?? []), line]);
    return ids.map((id) => bySettlement.get(id) ?? []);
  });
}
