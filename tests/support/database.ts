import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { requiredEnv, TEST_ENV, withDatabase } from './test-environment';

export interface TestDatabase {
  /** Admin (owner) URL of this test file's own database. */
  url: string;
  /** Runs SQL as the owner, for arranging and asserting (never a substitute for the API under test). */
  query<T extends Record<string, unknown> = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file: a copy of the template global setup migrated. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = requiredEnv(TEST_ENV.adminUrl);
  const template = requiredEnv(TEST_ENV.template);
  const name = `vbp_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
        break;
      } catch (error) {
        // Another worker copying the template at the same instant makes PostgreSQL refuse; try again.
        if (attempt >= 10 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((r) => setTimeout(r, 100 * attempt));
      }
    }
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  const client = new Client({ connectionString: url });
  await client.connect();
  return {
    url,
    async query(sql, params) {
      return (await client.query(sql, params)).rows;
    },
    async drop() {
      await client.end();
      const dropper = new Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
