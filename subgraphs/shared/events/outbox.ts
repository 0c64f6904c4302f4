import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { SubgraphName } from '../db/data-source';
import type { DomainEvent, NewEvent } from './event';

/** The channel a producer notifies, in the same transaction, so its relay wakes at once. */
export const OUTBOX_CHANNEL = 'vbp_outbox';

/**
 * Records an event in the producer's own outbox, inside the caller's transaction: the state change and
 * the event commit together or not at all. The per-key sequence comes from a counter row, whose lock
 * serialises concurrent writers of the same key.
 */
export async function recordEvent<P extends Record<string, unknown>>(
  tx: EntityManager,
  producer: SubgraphName,
  event: NewEvent<P>,
): Promise<DomainEvent<P>> {
  const [{ last_seq: keySeq }] = await tx.query(
    `INSERT INTO ${producer}.outbox_key (key, last_seq) VALUES ($1, 1)
     ON CONFLICT (key) DO UPDATE SET last_seq = ${producer}.outbox_key.last_seq + 1
     RETURNING last_seq`,
    [event.key],
  );
  const id = randomUUID();
  const [{ occurred_at: occurredAt }] = await tx.query(
    `INSERT INTO ${producer}.outbox_event (id, type, version, key, key_seq, producer, payload)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING occurred_at`,
    [id, event.type, event.version, event.key, keySeq, producer, JSON.stringify(event.payload)],
  );
  await tx.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, producer]);
  return { id, type: event.type, version: event.version, key: event.key, keySeq, producer, occurredAt: new Date(occurredAt).toISOString(), payload: event.payload };
}

/**
 * Records several events of distinct keys in a fixed number of statements, whatever their number (a bulk
 * report emits one per product and region). Same guarantees as `recordEvent`: same transaction, per-key order.
 */
export async function recordEvents<P extends Record<string, unknown>>(tx: EntityManager, producer: SubgraphName, events: Array<NewEvent<P>>): Promise<void> {
  if (events.length === 0) return;
  const keys = events.map((e) => e.key);
  if (new Set(keys).size !== keys.length) throw new Error('recordEvents takes one event per key; call it again for a second event of a key');
  const counters: Array<{ key: string; last_seq: number }> = await tx.query(
    `INSERT INTO ${producer}.outbox_key (key, last_seq) SELECT k, 1 FROM unnest($1::text[]) AS k
     ON CONFLICT (key) DO UPDATE SET last_seq = ${producer}.outbox_key.last_seq + 1
     RETURNING key, last_seq`,
    [keys],
  );
  const seqByKey = new Map(counters.map((c) => [c.key, c.last_seq]));
  await tx.query(
    `INSERT INTO ${producer}.outbox_event (id, type, version, key, key_seq, producer, payload)
     SELECT id, type, version, key, key_seq, $6, payload
       FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::int[], $7::jsonb[]) AS e(id, type, version, key, key_seq, payload)`,
    [events.map(() => randomUUID()), events.map((e) => e.type), events.map((e) => e.version), keys, keys.map((k) => seqByKey.get(k)), producer, events.map((e) => JSON.stringify(e.payload))],
  );
  await tx.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, producer]);
}
