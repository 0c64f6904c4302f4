import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { WINNING_PRODUCT_COLUMNS, WinningProduct, winningProductFromRow, WinningProductRow } from './winning-product.entity';

/** Winning products by id; awards are published results, the same for every persona. */
export function createWinningProductLoader(db: EntityManager): DataLoader<string, WinningProduct | null> {
  return new DataLoader(async (ids: readonly string[]) => {
    const rows: WinningProductRow[] = await db.query(`SELECT ${WINNING_PRODUCT_COLUMNS} FROM procurement.winning_product w WHERE w.id = ANY($1)`, [ids]);
    const byId = new Map(rows.map((r) => [r.id, winningProductFromRow(r)]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** The winning products grouped by a column (`batch_id` or `product_id`), in one query per request tick. */
export function createWinningProductsByLoader(db: EntityManager, column: 'batch_id' | 'product_id'): DataLoader<string, WinningProduct[]> {
  return new DataLoader(async (keys: readonly string[]) => {
    const rows: WinningProductRow[] = await db.query(
      `SELECT ${WINNING_PRODUCT_COLUMNS} FROM procurement.winning_product w WHERE w.${column} = ANY($1) ORDER BY w.id`,
      [keys],
    );
    const grouped = new Map<string, WinningProduct[]>();
    for (const row of rows) {
      const key = column === 'batch_id' ? row.batch_id : row.product_id;
      grouped.set(key, [...(grouped.get(key) ?? []), winningProductFromRow(row)]);
    }
    return keys.map((k) => grouped.get(k) ?? []);
  });
}
