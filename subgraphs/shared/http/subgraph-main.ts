import { z } from 'zod';
import { TokenVerifier } from '../auth/tokens';
import { baseConfigSchema, ConfigError, jwtSettings, loadConfig, portSchema } from '../config';
import { databaseUrlFor } from '../db/data-source';
import { tolerateGraphileRejections } from '../events/consumer';
import { createLogger } from '../logger';
import type { SubgraphDefinition } from '../subgraph';
import { startSubgraph } from './start-subgraph';

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

/**
 * The process entry point of a subgraph (`node dist/subgraphs/<name>/main.js`): config, start, clean
 * stop. A bad configuration exits with code 2, any other start-up failure with 1.
 */
export function runSubgraphProcess(definition: SubgraphDefinition): Promise<void> {
  return serve(definition).catch((error) => {
    process.stderr.write(`${definition.name} failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}

async function serve(definition: SubgraphDefinition): Promise<void> {
  const prefix = definition.name.toUpperCase();
  let config;
  try {
    config = loadConfig(
      baseConfigSchema.extend({
        PORT: portSchema.default(definition.defaultPort).describe(`${prefix}_PORT or PORT`),
        HOST: z.string().min(1).default('127.0.0.1'),
        DATABASE_URL: z
          .string({ error: `${prefix}_DATABASE_URL or DATABASE_URL must be set (npm start sets it for you)` })
          .url({ error: `${prefix}_DATABASE_URL or DATABASE_URL must be a postgres:// URL` }),
        MIGRATE_ON_START: flag.default(true),
        DEMO_DATA: flag.optional(),
        DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
        DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
        BUS_DATABASE_URL: z.string().url().optional(),
        EVENTS: flag.default(true),
        EVENT_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(10),
        EVENT_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(4),
        EVENT_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
        // A job still locked after this long lost its outcome (handlers end within the statement timeout).
        EVENT_STALE_LOCK_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
      }),
      {
        ...process.env,
        PORT: process.env[`${prefix}_PORT`] ?? process.env.PORT,
        DATABASE_URL: databaseUrlFor(definition.name, process.env),
      },
    );
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${definition.name}: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(definition.name, config.LOG_LEVEL);
  tolerateGraphileRejections(log, (reason) => {
    log.fatal({ err: reason }, 'unhandled promise rejection; stopping');
    process.exit(1);
  });
  const production = config.NODE_ENV === 'production';
  const running = await startSubgraph(definition, {
    databaseUrl: config.DATABASE_URL,
    port: config.PORT,
    host: config.HOST,
    verifier: new TokenVerifier(jwtSettings(config)),
    log,
    requestsInFlight: config.MAX_REQUESTS_IN_FLIGHT,
    production,
    migrate: config.MIGRATE_ON_START,
    demoData: config.DEMO_DATA ?? !production,
    poolSize: config.DB_POOL_SIZE,
    statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
    events: config.EVENTS
      ? {
          busUrl: config.BUS_DATABASE_URL ?? config.DATABASE_URL,
          maxAttempts: config.EVENT_MAX_ATTEMPTS,
          workerConcurrency: config.EVENT_WORKER_CONCURRENCY,
          pollIntervalMs: config.EVENT_POLL_MS,
          staleLockMs: config.EVENT_STALE_LOCK_MS,
        }
      : undefined,
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping: draining in-flight requests');
    await running.close();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
