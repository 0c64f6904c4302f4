import { Client } from 'pg';
import { SUBGRAPHS } from '../../subgraphs/shared/db/data-source';
import { migrate } from '../../subgraphs/shared/db/migrate';
import { migrateBus } from '../../subgraphs/shared/events/bus';
import { createLogger } from '../../subgraphs/shared/logger';
import { freePort, startEmbeddedDatabase } from '../../scripts/lib/embedded-database';
import { TEST_ENV, withDatabase } from './test-environment';

/**
 * Prepares real PostgreSQL for the suite: the embedded server (a test cluster of its own under .data/),
 * or the server DATABASE_URL names. Migrates a template database once; each test file then gets a
 * fresh copy of it, so files are isolated and run in any order.
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const embedded = await startEmbeddedDatabase({
      dataDir: '.data/test-postgres',
      port: await freePort(),
      database: 'vbp_test_admin',
      ephemeralDurability: true,
    });
    (globalThis as { embeddedDatabase?: unknown }).embeddedDatabase = embedded;
    adminUrl = embedded.url;
  }
  const template = `vbp_template_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
  } finally {
    await admin.end();
  }
  for (const subgraph of SUBGRAPHS) await migrate({ url: withDatabase(adminUrl, template), subgraph });
  await migrateBus(withDatabase(adminUrl, template), createLogger('test-setup', 'warn'));
  process.env[TEST_ENV.adminUrl] = adminUrl;
  process.env[TEST_ENV.template] = template;
}
