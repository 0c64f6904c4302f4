import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Logger } from '../logger';
import type { SubgraphName } from './data-source';

/** Where reviewed SQL migrations live: migrations/<subgraph>/NNNN_description.sql. */
export function migrationsDirectory(subgraph: SubgraphName, root: string = join(__dirname, '..', '..', '..')): string {
  // Compiled code runs from dist/, sources from the repository root; the SQL files exist only in the latter.
  const repoRoot = root.endsWith(`${join('/', 'dist')}`) ? join(root, '..') : root;
  return join(repoRoot, 'migrations', subgraph);
}

const FILE_NAME = /^(\d{4})_[a-z0-9_]+\.sql$/;

interface Migration {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

function readMigrations(directory: string): Migration[] {
  return readdirSync(directory)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => {
      const match = FILE_NAME.exec(name);
      if (!match) throw new Error(`Migration file ${name} must be named NNNN_description.sql`);
      const sql = readFileSync(join(directory, name), 'utf8');
      return { version: match[1], name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Applies a subgraph's forward-only migrations, each in its own transaction, under an advisory lock so
 * that several replicas starting at once apply each file exactly once. An applied file that has since
 * been edited stops the start: history is changed by a new migration, never by rewriting an old one.
 */
export async function migrate(options: { url: string; subgraph: SubgraphName; log?: Logger; directory?: string }): Promise<string[]> {
  const { subgraph } = options;
  const migrations = readMigrations(options.directory ?? migrationsDirectory(subgraph));
  const client = new Client({ connectionString: options.url, application_name: `vbp-migrate-${subgraph}` });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [`vbp-migrate:${subgraph}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${subgraph}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${subgraph}.schema_migrations (
         version text PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query<{ version: string; name: string; checksum: string }>(
      `SELECT version, name, checksum FROM ${subgraph}.schema_migrations`,
    );
    const done = new Map(rows.map((r) => [r.version, r]));
    for (const m of migrations) {
      const previous = done.get(m.version);
      if (previous) {
        if (previous.checksum !== m.checksum) {
          throw new Error(`Migration ${subgraph}/${m.name} was changed after it was applied; add a new migration instead`);
        }
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO ${subgraph}.schema_migrations (version, name, checksum) VALUES ($1, $2, $3)`, [
          m.version,
          m.name,
          m.checksum,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${subgraph}/${m.name} failed: ${(error as Error).message}`);
      }
      applied.push(m.name);
      options.log?.info({ migration: m.name }, 'migration applied');
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`vbp-migrate:${subgraph}`]).catch(() => undefined);
    await client.end();
  }
  return applied;
}
