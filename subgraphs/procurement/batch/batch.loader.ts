import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { Batch, BATCH_COLUMNS, batchFromRow, BatchRow } from './batch.entity';

/** Batches by id; batches are published, so every persona reads the same rows. */
export function createBatchLoader(db: EntityManager): DataLoader<string, Batch | null> {
  return new DataLoader(async (ids: readonly string[]) => {
    const rows: BatchRow[] = await db.query(`SELECT ${BATCH_COLUMNS} FROM procurement.batch b WHERE b.id = ANY($1)`, [ids]);
    const byId = new Map(rows.map((r) => [r.id, batchFromRow(r)]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
