import { Logger as GraphileLogger, makeWorkerUtils, WorkerUtils } from 'graphile-worker';
import { Client, Pool } from 'pg';
import type { Logger } from '../logger';

/**
 * The event bus is graphile-worker's job tables (schema `graphile_worker`) plus a delivery log (schema
 * `vbp_bus`), in the database BUS_DATABASE_URL names (by default the hub's own). Producers' relays add
 * jobs; each subgraph's worker runs the jobs addressed to it.
 */
export const BUS_SCHEMA = 'vbp_bus';

/** graphile-worker's log lines, through the service's own logger. */
export function graphileLogger(log: Logger): GraphileLogger {
  return new GraphileLogger((scope) => (level, message, meta) => {
    const method = level === 'error' ? 'error' : level === 'warning' ? 'warn' : 'debug';
    log[method]({ ...scope, ...meta }, message);
  });
}

/** Installs or upgrades the bus tables, once even when several services start together. */
export async function migrateBus(url: string, log: Logger): Promise<void> {
  const client = new Client({ connectionString: url, application_name: 'vbp-migrate-bus' });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('vbp-migrate:bus'))");
    const utils = await makeWorkerUtils({ connectionString: url, logger: graphileLogger(log) });
    try {
      await utils.migrate();
    } finally {
      await utils.release();
    }
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${BUS_SCHEMA}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${BUS_SCHEMA}.delivery (
         consumer text NOT NULL, event_id uuid NOT NULL, event_type text NOT NULL, outcome text NOT NULL,
         delivered_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (consumer, event_id))`,
    );
    await client.query(`CREATE INDEX IF NOT EXISTS delivery_recent_idx ON ${BUS_SCHEMA}.delivery (consumer, delivered_at)`);
  } finally {
    await client.query("SELECT pg_advisory_unlock(hashtext('vbp-migrate:bus'))").catch(() => undefined);
    await client.end();
  }
}

/** A handle on the bus for adding, inspecting and replaying jobs. */
export async function connectBus(url: string, log: Logger): Promise<WorkerUtils> {
  // Our own pool, so its error handler outlives graphile-worker's (which it removes on release): an idle
  // connection the server drops during a restart must not crash the process; the pool reconnects on use.
  const pool = new Pool({ connectionString: url, max: 4, application_name: 'vbp-bus' });
  const lost = (error: Error) => log.warn({ err: error }, 'event bus connection lost; a new one is opened on next use');
  pool.on('error', lost);
  // A checked-out client's own error (the server went away mid-query) is reported by the failing query.
  pool.on('connect', (client) => client.on('error', lost));
  const utils = await makeWorkerUtils({ pgPool: pool, logger: graphileLogger(log) });
  const release = utils.release.bind(utils);
  let released: Promise<void> | undefined;
  return Object.assign(utils, {
    release() {
      released ??= Promise.resolve(release()).finally(() => pool.end());
      return released;
    },
  });
}
