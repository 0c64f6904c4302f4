import { TokenVerifier } from '../auth/tokens';
import { ACTOR_SETTINGS, SYSTEM_ACTOR } from '../db/request-transaction';
import { createDataSource } from '../db/data-source';
import { migrate } from '../db/migrate';
import type { WorkerUtils } from 'graphile-worker';
import { connectBus, migrateBus } from '../events/bus';
import { SUBSCRIPTIONS } from '../events/catalogue';
import { EventWorker, startEventWorker } from '../events/consumer';
import { OutboxRelay } from '../events/relay';
import type { Logger } from '../logger';
import type { SubgraphDefinition } from '../subgraph';
import { RunningSubgraph, startSubgraphServer } from './subgraph-server';

export interface StartSubgraphOptions {
  databaseUrl: string;
  port: number;
  host: string;
  verifier: TokenVerifier;
  log: Logger;
  production: boolean;
  /** Apply pending migrations before serving. */
  migrate: boolean;
  /** Load the demo world when the subgraph's tables are empty. */
  demoData: boolean;
  poolSize?: number;
  /** GraphQL requests run at once (default 8); more wait in arrival order. */
  requestsInFlight?: number;
  /** Cancels SQL statements that run longer than this (default 10 s). */
  statementTimeoutMs?: number;
  /** The event bus: where relays add jobs and workers take them. Omit to run without events. */
  events?: {
    busUrl: string;
    maxAttempts: number;
    workerConcurrency: number;
    pollIntervalMs: number;
    /** After this long a job's lock is taken to be orphaned and freed (default 5 minutes). */
    staleLockMs?: number;
  };
}

export interface StartedSubgraph extends RunningSubgraph {
  /** Stops taking requests, lets in-flight ones finish, stops the event worker and relay, then closes the pool. */
  close(): Promise<void>;
  /** Publishes whatever the outbox holds now (tests and benchmarks use it to avoid waiting on a poll). */
  relay?: OutboxRelay;
  worker?: EventWorker;
  bus?: WorkerUtils;
}

/** Migrates, seeds and serves one subgraph: the same path for `npm start`, Docker and the e2e tests. */
export async function startSubgraph(definition: SubgraphDefinition, options: StartSubgraphOptions): Promise<StartedSubgraph> {
  const log = options.log;
  if (options.migrate) await migrate({ url: options.databaseUrl, subgraph: definition.name, log });
  const db = createDataSource({
    url: options.databaseUrl,
    subgraph: definition.name,
    entities: definition.entities,
    poolSize: options.poolSize,
    statementTimeoutMs: options.statementTimeoutMs ?? 10_000,
  });
  await db.initialize();
  let bus: WorkerUtils | undefined;
  let relay: OutboxRelay | undefined;
  let worker: EventWorker | undefined;
  const stopEvents = async () => {
    // A worker already stopped (by an operator, or a test) must not keep the rest from closing.
    await worker?.stop();
    await relay?.stop();
    await bus?.release();
  };
  try {
    if (options.demoData && (await seedAsSystem(definition, options.databaseUrl))) log.info('demo data loaded');
    if (options.events) {
      const { busUrl } = options.events;
      if (options.migrate) await migrateBus(busUrl, log);
      bus = await connectBus(busUrl, log);
      relay = new OutboxRelay(definition.name, db, bus, log.child({ component: 'relay' }), {
        maxAttempts: options.events.maxAttempts,
        pollMs: Math.max(options.events.pollIntervalMs, 1000),
      });
      await relay.start(options.databaseUrl);
      if (SUBSCRIPTIONS[definition.name].length > 0) {
        worker = await startEventWorker({
          consumer: definition.name,
          db,
          busUrl,
          handlers: definition.eventHandlers,
          log: log.child({ component: 'consumer' }),
          concurrency: options.events.workerConcurrency,
          pollIntervalMs: options.events.pollIntervalMs,
          staleLockMs: options.events.staleLockMs,
        });
      }
    }
    const server = await startSubgraphServer(
      {
        name: definition.name,
        schema: await definition.schema(),
        db,
        bus,
        verifier: options.verifier,
        log,
        production: options.production,
        requestsInFlight: options.requestsInFlight,
        createLoaders: (source, ctx) => definition.createLoaders(source, ctx),
      },
      { port: options.port, host: options.host },
    );
    let closing: Promise<void> | undefined;
    return {
      ...server,
      relay,
      worker,
      bus,
      close() {
        closing ??= (async () => {
          await server.stop();
          await stopEvents();
          await db.destroy();
        })();
        return closing;
      },
    };
  } catch (error) {
    await stopEvents().catch(() => undefined);
    await db.destroy();
    throw error;
  }
}

/** Demo data is every organisation's: it is loaded over a short-lived pool whose sessions act as SYSTEM. */
async function seedAsSystem(definition: SubgraphDefinition, databaseUrl: string): Promise<boolean> {
  const seeding = createDataSource({
    url: databaseUrl,
    subgraph: definition.name,
    entities: definition.entities,
    poolSize: 2,
    applicationName: `vbp-${definition.name}-seed`,
    sessionSettings: { [ACTOR_SETTINGS.role]: SYSTEM_ACTOR },
  });
  await seeding.initialize();
  try {
    return await definition.seedDemoData(seeding);
  } finally {
    await seeding.destroy();
  }
}
