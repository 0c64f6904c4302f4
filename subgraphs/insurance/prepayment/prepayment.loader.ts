import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { PrepaymentEntry } from './prepayment.entity';

/** The ledgers of many prepayments in one query (the prepayments themselves were already scoped). */
export function createPrepaymentEntriesLoader(db: EntityManager): DataLoader<string, PrepaymentEntry[]> {
  return new DataLoader(async (ids: readonly string[]) => {
    const rows = await db.getRepository(PrepaymentEntry).createQueryBuilder('e').where('e.prepayment_id = ANY(:ids)', { ids }).orderBy('e.entry_no').getMany();
    const byPrepayment = new Map<string, PrepaymentEntry[]>();
    for (const entry of rows) byPrepayment.set(entry.prepaymentId, [...(byPrepayment.get(entry.prepaymentId) ?? []), entry]);
    return ids.map((id) => byPrepayment.get(id) ?? []);
  });
}
