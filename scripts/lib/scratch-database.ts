import { Client } from 'pg';
import { SUBGRAPHS } from '../../subgraphs/shared/db/data-source';
import { migrate } from '../../subgraphs/shared/db/migrate';
import { migrateBus } from '../../subgraphs/shared/events/bus';
import type { Logger } from '../../subgraphs/shared/logger';
import { ensureDatabase, freePort, startEmbeddedDatabase } from './embedded-database';

/**
 * A throwaway, migrated database for a benchmark: on the server DATABASE_URL names, or on an embedded
 * server of its own under .data/<name>-postgres. `drop()` removes it (and stops that server).
 */
export async function scratchDatabase(name: string, log: Logger): Promise<{ url: string; drop(): Promise<void> }> {
  let server: { url: string; stop(): Promise<void> } | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    server = await startEmbeddedDatabase({ dataDir: `.data/${name}-postgres`, port: await freePort(), database: `${name}_admin` });
    adminUrl = server.url;
  }
  const database = `vbp_${name}_${Date.now()}`;
  const url = Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();
  await ensureDatabase(adminUrl, database);
  for (const subgraph of SUBGRAPHS) await migrate({ url, subgraph });
  await migrateBus(url, log);
  return {
    url,
    async drop() {
      const admin = new Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
      await server?.stop();
    },
  };
}
