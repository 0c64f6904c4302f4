import type { WorkerUtils } from 'graphile-worker';
import { SUBGRAPHS, SubgraphName } from '../db/data-source';
import { BUS_SCHEMA } from './bus';
import { consumerTask } from './catalogue';

export interface ConsumerStatusRow {
  consumer: SubgraphName;
  pending: number;
  retrying: number;
  parked: number;
  oldestPendingSeconds: number | null;
  deliveredLastMinute: number;
  deliveredLastHour: number;
}

export interface ParkedEventRow {
  jobId: string;
  consumer: SubgraphName;
  eventId: string;
  eventType: string;
  key: string;
  attempts: number;
  lastError: string | null;
  parkedAt: string;
}

/** Every consumer's backlog, parked events and throughput, from the bus tables in one statement. */
export async function consumerStatuses(bus: WorkerUtils): Promise<ConsumerStatusRow[]> {
  return bus.withPgClient(async (client) => {
    const { rows } = await client.query(
      `WITH consumers AS (SELECT unnest($1::text[]) AS consumer, unnest($2::text[]) AS task)
       SELECT c.consumer,
              count(j.id) FILTER (WHERE j.attempts < j.max_attempts)::int AS pending,
              count(j.id) FILTER (WHERE j.attempts > 0 AND j.attempts < j.max_attempts)::int AS retrying,
              count(j.id) FILTER (WHERE j.attempts >= j.max_attempts)::int AS parked,
              extract(epoch FROM now() - min(j.created_at) FILTER (WHERE j.attempts < j.max_attempts))::int AS oldest,
              (SELECT count(*) FROM ${BUS_SCHEMA}.delivery d WHERE d.consumer = c.consumer AND d.delivered_at > now() - interval '1 minute')::int AS last_minute,
              (SELECT count(*) FROM ${BUS_SCHEMA}.delivery d WHERE d.consumer = c.consumer AND d.delivered_at > now() - interval '1 hour')::int AS last_hour
         FROM consumers c LEFT JOIN graphile_worker.jobs j ON j.task_identifier = c.task
        GROUP BY c.consumer ORDER BY c.consumer`,
      [SUBGRAPHS, SUBGRAPHS.map(consumerTask)],
    );
    return rows.map((r) => ({
      consumer: r.consumer,
      pending: r.pending,
      retrying: r.retrying,
      parked: r.parked,
      oldestPendingSeconds: r.oldest,
      deliveredLastMinute: r.last_minute,
      deliveredLastHour: r.last_hour,
    }));
  });
}

/** Events that used up their attempts, newest first: what an operator inspects and replays. */
export async function parkedEvents(bus: WorkerUtils, consumer?: SubgraphName): Promise<ParkedEventRow[]> {
  return bus.withPgClient(async (client) => {
    const tasks = (consumer ? [consumer] : [...SUBGRAPHS]).map(consumerTask);
    // The public `jobs` view has no payload; the event is read from the job table itself (graphile-worker
    // is pinned to 0.17.x, whose layout this is).
    const { rows } = await client.query(
      `SELECT j.id::text AS job_id, t.identifier AS task_identifier, j.payload->>'id' AS event_id,
              (j.payload->>'producer') || '.' || (j.payload->>'type') || '.v' || (j.payload->>'version') AS event_type,
              j.payload->>'key' AS key, j.attempts, j.last_error, j.updated_at
         FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
        WHERE t.identifier = ANY($1) AND j.attempts >= j.max_attempts
        ORDER BY j.updated_at DESC LIMIT 500`,
      [tasks],
    );
    return rows.map((r) => ({
      jobId: r.job_id,
      consumer: SUBGRAPHS.find((s) => consumerTask(s) === r.task_identifier)!,
      eventId: r.event_id,
      eventType: r.event_type,
      key: r.key,
      attempts: r.attempts,
      lastError: r.last_error,
      parkedAt: new Date(r.updated_at).toISOString(),
    }));
  });
}

/** Puts parked events back on the bus with fresh attempts; returns how many were rescheduled. */
export async function replayParked(bus: WorkerUtils, consumer: SubgraphName, eventIds?: string[]): Promise<number> {
  const parked = (await parkedEvents(bus, consumer)).filter((p) => !eventIds || eventIds.includes(p.eventId));
  if (parked.length === 0) return 0;
  // The SQL function directly: the JS helper drops `attempts: 0` as if it were unset.
  return bus.withPgClient(async (client) => {
    const { rows } = await client.query('SELECT id FROM graphile_worker.reschedule_jobs($1::bigint[], run_at => now(), attempts => 0)', [
      parked.map((p) => p.jobId),
    ]);
    return rows.length;
  });
}
