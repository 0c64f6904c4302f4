import { Runner, run } from 'graphile-worker';
import { Pool } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { SubgraphName } from '../db/data-source';
import type { Logger } from '../logger';
import { BUS_SCHEMA, graphileLogger } from './bus';
import { consumerTask } from './catalogue';
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
    await tx.query(`INSERT INTO ${consumer}.inbox_position (producer, key, last_seq) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING`, [
      event.producer,
      event.key,
    ]);
    const [{ last_seq: lastSeq }] = await tx.query(
      `SELECT last_seq FROM ${consumer}.inbox_position WHERE producer = $1 AND key = $2 FOR UPDATE`,
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
  consumer: SubgraphName;
  db: DataSource;
  busUrl: string;
  handlers: EventHandlers;
  log: Logger;
  concurrency: number;
  pollIntervalMs: number;
}

/** Runs the jobs addressed to one consumer; `stop()` lets the running ones finish. */
export async function startEventWorker(options: EventWorkerOptions): Promise<Runner> {
  const { consumer, db, handlers, log } = options;
  // The worker's own bookkeeping (taking, completing, failing jobs) need not wait for the disk: a job whose
  // completion is lost in a crash runs again, and the inbox drops it. Enqueueing (the relay) keeps full durability.
  const pool = new Pool({ connectionString: options.busUrl, max: options.concurrency + 2, options: '-c synchronous_commit=off', application_name: `vbp-worker-${consumer}` });
  const lost = (error: Error) => log.warn({ err: error }, 'event worker lost a database connection');
  pool.on('error', lost);
  pool.on('connect', (client) => client.on('error', lost));
  const runner = await run({
    pgPool: pool,
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
    stop: async () => {
      await stop();
      await pool.end();
    },
  });
}
