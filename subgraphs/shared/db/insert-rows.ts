import type { EntityManager } from 'typeorm';

/**
 * Inserts plain rows into `table`, skipping rows whose key already exists, as one statement. Used by demo
 * data, where each row is written out as the column names of the migration that defines the table.
 */
export async function insertRows(manager: EntityManager, table: string, rows: Array<Record<string, unknown>>): Promise<void> {
  if (rows.length === 0) return;
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const params: unknown[] = [];
  const values = rows.map(
    (row) =>
      `(${columns
        .map((c) => {
          params.push(row[c] ?? null);
          return `$${params.length}`;
        })
        .join(', ')})`,
  );
  await manager.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')} ON CONFLICT DO NOTHING`, params);
}

/** True when `table` holds no row yet: demo data is loaded only into an empty subgraph. */
export async function isEmpty(manager: EntityManager, table: string): Promise<boolean> {
  const rows = await manager.query(`SELECT 1 FROM ${table} LIMIT 1`);
  return rows.length === 0;
}

/**
 * Demo data for one table: inserted only while the table is empty, so a database that already holds
 * data (real or demo) is left alone, and a table added by a later migration still gets its demo rows.
 */
export async function seedTable(manager: EntityManager, table: string, rows: Array<Record<string, unknown>>): Promise<boolean> {
  if (!(await isEmpty(manager, table))) return false;
  await insertRows(manager, table, rows);
  return true;
}
