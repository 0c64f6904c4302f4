import { Client } from 'pg';
import { TEST_ENV } from './test-environment';

/** Drops the template database and stops the embedded server, if this run started one. */
export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env[TEST_ENV.adminUrl];
  const template = process.env[TEST_ENV.template];
  if (adminUrl && template) {
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
  const embedded = (globalThis as { embeddedDatabase?: { stop(): Promise<void> } }).embeddedDatabase;
  if (embedded) await embedded.stop();
}
