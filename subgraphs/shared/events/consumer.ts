import { EventEmitter } from 'node:events';
import { Runner, run, WorkerEvents } from 'graphile-worker';
import { Client, Pool } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { SubgraphName } from '../db/data-source';
import type { Logger } from '../logger';
import { BUS_SCHEMA, graphileLogger } from './bus';
import { consumerTask } from './catalogue';
import { actAsSystem } from '../db/request-transaction';
import { DomainEvent, qualifiedType } from './event';

/** Applies one event's effect inside the consumer's transaction (the inbox row commits with it). */
export type EventHandler = (tx: EntityManager, event: DomainEvent<any>, log: Logger) => Promise<void>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The consumer's handlers by qualified type, e.g. `distribution.ReceiptConfirmed.v1`. */
export type EventHandlers = Record<string, EventHandler>;

/** An event that arrived before its predecessor of the same key; retried until the predecessor is applied. */
export class EventOutOfOrder extends Error {}

export type ApplyOutcome = 'applied' | 'skipped' | 'duplicate';

/**
 * Applies an event exactly once in effect: in one transaction of the consumer's own database, it checks
 * the inbox position of the event's key (a duplicate is acknowledged and ignored; a gap waits), runs
 * the handler, and records the event in the inbox. A crash anywhere leaves either all of it or none.
 */
export async function applyEvent(
  consumer: SubgraphName,
  db: DataSource,
  handlers: EventHandlers,
  event: DomainEvent,
  log: Logger,
): Promise<ApplyOutcome> {
  return db.transaction(async (tx) => {
    // Consumers maintain every organisation's copies: row-level security admits the SYSTEM actor.
    await actAsSystem(tx);
    // Creates the key's position or, if it exists, locks it (the no-op update takes the row lock).
    const [{ last_seq: lastSeq }] = await tx.query(
      `INSERT INTO ${consumer}.inbox_position (producer, key, last_seq) VALUES ($1, $2, 0)
       ON CONFLICT (producer, key) DO UPDATE SET last_seq = ${consumer}.inbox_position.last_seq
       RETURNING last_seq`,
      [event.producer, event.key],
    );
    if (event.keySeq <= lastSeq) return 'duplicate';
    if (event.keySeq > lastSeq + 1) {
      throw new EventOutOfOrder(`event ${event.id} is #${event.keySeq} of ${event.key}, but #${lastSeq + 1} has not been applied yet`);
    }
    const handler = handlers[qualifiedType(event)] as EventHandler | undefined;
    if (handler) await handler(tx, event, log);
    await tx.query(
      `INSERT INTO ${consumer}.inbox (event_id, producer, type, key, key_seq) VALUES ($1, $2, $3, $4, $5)`,
      [event.id, event.producer, qualifiedType(event), event.key, event.keySeq],
    );
    await tx.query(`UPDATE ${consumer}.inbox_position SET last_seq = $3 WHERE producer = $1 AND key = $2`, [event.producer, event.key, event.keySeq]);
    return handler ? 'applied' : 'skipped';
  });
}

export interface EventWorkerOptions {
  /** A job locked longer than this is taken to be orphaned (its outcome could not be recorded) and is freed. */
  staleLockMs?: number;
  consumer: SubgraphName;
  db: DataSource;
  busUrl: string;
  handlers: EventHandlers;
  log: Logger;
  concurrency: number;
  pollIntervalMs: number;
}

/** A consumer's worker: runs the jobs addressed to it until stopped. */
export interface EventWorker {
  /** Lets the running jobs finish, then stops. */
  stop(): Promise<void>;
}

/**
 * Runs the jobs addressed to one consumer, and keeps running them: graphile-worker gives up when it
 * cannot record a job's outcome (the database went away); the supervisor logs that and starts a new
 * runner after a pause, so a database restart never takes the subgraph down.
 */
export async function startEventWorker(options: EventWorkerOptions): Promise<EventWorker> {
  let stopped = false;
  let current = await startRunner(options);
  const supervise = (runner: SupervisedRunner) => {
    // A runner ends on its own only when it gave up (graphile-worker shuts its pool down when it cannot
    // record an outcome); whether its promise resolves or rejects then, start another.
    const ended = (error?: unknown) => {
      if (stopped) return;
      options.log.error({ err: error }, 'event worker stopped unexpectedly; restarting it');
      void runner.stop().catch(() => undefined);
      const restart = () => {
        if (stopped) return;
        // Jobs the dead runner had taken stay locked to it (for hours, by default): hand them back first.
        unlockWorkers(options.busUrl, [...runner.workerIds])
          .then(() => startRunner(options))
          .then(
            (next) => {
              current = next;
              supervise(next);
            },
            (e) => {
              options.log.warn({ err: e }, 'event worker could not restart yet; trying again');
              setTimeout(restart, 2000);
            },
          );
      };
      setTimeout(restart, 1000);
    };
    runner.promise.then(() => ended(), ended);
  };
  supervise(current);
  const staleLockMs = options.staleLockMs ?? 5 * 60_000;
  const sweeper = setInterval(() => {
    freeOrphanedJobs(options.busUrl, consumerTask(options.consumer), staleLockMs).then(
      (freed) => freed > 0 && options.log.warn({ freed }, 'freed event jobs whose outcome was never recorded'),
      (error) => options.log.debug({ err: error }, 'could not check for orphaned event jobs'),
    );
  }, Math.max(1000, staleLockMs / 2));
  return {
    async stop() {
      stopped = true;
      clearInterval(sweeper);
      await current.stop().catch((error) => options.log.debug({ err: error }, 'event worker had already stopped'));
    },
  };
}

/**
 * When a worker cannot record a job's outcome (the database went away at that moment), graphile-worker
 * leaves the job locked to it for hours. Handlers finish within the statement timeout, so a lock much
 * older than that is orphaned: its workers' locks are released and the job runs again (the inbox keeps
 * that harmless).
 */
async function freeOrphanedJobs(busUrl: string, task: string, staleLockMs: number): Promise<number> {
  const client = shortLivedClient(busUrl);
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT DISTINCT locked_by FROM graphile_worker.jobs WHERE task_identifier = $1 AND locked_at < now() - make_interval(secs => $2 / 1000.0)`,
      [task, staleLockMs],
    );
    if (rows.length === 0) return 0;
    await client.query('SELECT graphile_worker.force_unlock_workers($1::text[])', [rows.map((r) => r.locked_by)]);
    return rows.length;
  } finally {
    await client.end();
  }
}

/** A runner, with the ids of the workers it started (to unlock their jobs if it dies). */
type SupervisedRunner = Runner & { workerIds: Set<string> };

/** A short-lived client whose connection may be cut by a restarting server: the failing query reports it. */
function shortLivedClient(busUrl: string): Client {
  const client = new Client({ connectionString: busUrl });
  client.on('error', () => undefined);
  return client;
}

async function unlockWorkers(busUrl: string, workerIds: string[]): Promise<void> {
  if (workerIds.length === 0) return;
  const client = shortLivedClient(busUrl);
  await client.connect();
  try {
    await client.query('SELECT graphile_worker.force_unlock_workers($1::text[])', [workerIds]);
  } finally {
    await client.end();
  }
}

/** One graphile-worker runner for the consumer's task. */
async function startRunner(options: EventWorkerOptions): Promise<SupervisedRunner> {
  const { consumer, db, handlers, log } = options;
  const workerIds = new Set<string>();
  const events = new EventEmitter() as WorkerEvents;
  events.on('worker:create', ({ worker }) => workerIds.add(worker.workerId));
  // The worker's own bookkeeping (taking, completing, failing jobs) need not wait for the disk: a job whose
  // completion is lost in a crash runs again, and the inbox drops it. Enqueueing (the relay) keeps full durability.
  const pool = new Pool({ connectionString: options.busUrl, max: options.concurrency + 2, options: '-c synchronous_commit=off', application_name: `vbp-worker-${consumer}` });
  const lost = (error: Error) => log.warn({ err: error }, 'event worker lost a database connection');
  pool.on('error', lost);
  pool.on('connect', (client) => client.on('error', lost));
  const runner = await run({
    pgPool: pool,
    events,
    // Completions and failures go through graphile-worker's batcher, whose errors (database gone) stop
    // the runner cleanly; the supervisor then frees its jobs and starts another.
    preset: { worker: { completeJobBatchDelay: 10, failJobBatchDelay: 10 } },
    concurrency: options.concurrency,
    pollInterval: options.pollIntervalMs,
    noHandleSignals: true,
    logger: graphileLogger(log),
    taskList: {
      [consumerTask(consumer)]: async (payload, helpers) => {
        const event = payload as DomainEvent;
        const eventLog = log.child({ eventId: event.id, eventType: qualifiedType(event), key: event.key, attempt: helpers.job.attempts });
        try {
          const outcome = await applyEvent(consumer, db, handlers, event, eventLog);
          // The delivery log feeds throughput figures; losing a line to a crash here costs a statistic only.
          await helpers.query(
            `INSERT INTO ${BUS_SCHEMA}.delivery (consumer, event_id, event_type, outcome) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
            [consumer, event.id, qualifiedType(event), outcome],
          );
          eventLog.info({ outcome }, 'event consumed');
        } catch (error) {
          eventLog.warn({ err: error }, 'event failed; it will be retried with backoff');
          // The bus keeps this message for operators: one line, bounded; the full error is in the log above.
          const message = error instanceof Error ? error.message : String(error);
          throw new Error(`${error instanceof Error ? error.name : 'Error'}: ${message.split('\n')[0].slice(0, 300)}`);
        }
      },
    },
  });
  const stop = runner.stop.bind(runner);
  return Object.assign(runner, {
    workerIds,
    stop: async () => {
      try {
        await stop();
      } finally {
        await pool.end().catch(() => undefined);
      }
    },
  });
}

/**
 * The process-level policy every subgraph process runs with: graphile-worker can reject a promise
 * nobody awaits while the database is going away; its runner is supervised and restarted, so such a
 * rejection is logged and survived. Any other unhandled rejection is passed to `fatal`, because the
 * process state is then unknown. Covers uncaught exceptions the same way. Returns the listener.
 */
export function tolerateGraphileRejections(log: Logger, fatal: (reason: unknown) => void): (reason: unknown) => void {
  const listener = (reason: unknown) => {
    const stack = reason instanceof Error ? String(reason.stack) : '';
    if (stack.includes('graphile-worker')) {
      log.warn({ err: reason }, 'event worker lost the database; its runner is restarted');
      return;
    }
    fatal(reason);
  };
  process.on('unhandledRejection', listener);
  // graphile-worker 0.17 can also throw from its LISTEN client's release while the connection is cut.
  process.on('uncaughtException', listener);
  return listener;
}
