import type { WorkerUtils } from 'graphile-worker';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { SubgraphName } from '../db/data-source';
import type { Logger } from '../logger';
import { consumersOf, consumerTask } from './catalogue';
import type { DomainEvent } from './event';
import { OUTBOX_CHANNEL } from './outbox';

const BATCH = 500;
/** Events of one key always land in the same bucket, so each bucket is one ordered, serial queue. */
const BUCKETS = 16;

function bucketOf(key: string): number {
  let h = 0;
  for (let i = 0; i < key.length; i += 1) h = (h * 31 + key.charCodeAt(i)) | 0;
  return Math.abs(h) % BUCKETS;
}

interface OutboxRow {
  id: string;
  type: string;
  version: number;
  key: string;
  key_seq: number;
  producer: SubgraphName;
  occurred_at: Date;
  payload: Record<string, unknown>;
}

/**
 * Moves a producer's recorded events from its outbox onto the bus, oldest first, one job per
 * subscribed consumer. Woken by NOTIFY from the producing transaction, and by a slow poll as a safety
 * net. At least once: a crash between enqueueing and marking published enqueues again, and the
 * consumers' inboxes drop the duplicate.
 */
export class OutboxRelay {
  private listener?: Client;
  private poll?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;
  private readonly consumers: SubgraphName[];

  constructor(
    private readonly producer: SubgraphName,
    private readonly db: DataSource,
    private readonly bus: WorkerUtils,
    private readonly log: Logger,
    private readonly options: { maxAttempts: number; pollMs: number },
  ) {
    this.consumers = consumersOf(producer);
  }

  async start(listenUrl: string): Promise<void> {
    if (this.consumers.length === 0) return;
    this.poll = setInterval(() => this.wake(), this.options.pollMs);
    await this.listen(listenUrl);
    this.wake();
  }

  /** LISTENs for the producer's commits; a lost connection (database restart) is re-opened, polling meanwhile. */
  private async listen(listenUrl: string): Promise<void> {
    const listener = new Client({ connectionString: listenUrl, application_name: `vbp-relay-${this.producer}` });
    this.listener = listener;
    let reconnecting = false;
    const reconnect = (error?: Error) => {
      if (this.stopped || reconnecting) return;
      reconnecting = true;
      this.log.warn({ err: error }, 'outbox listener lost; polling, and reconnecting');
      listener.end().catch(() => undefined);
      setTimeout(() => void this.listen(listenUrl).catch((e) => reconnect(e)), 1000);
    };
    listener.on('notification', (message) => message.payload === this.producer && this.wake());
    listener.on('error', reconnect);
    listener.on('end', () => reconnect());
    try {
      await listener.connect();
      await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (error) {
      reconnect(error as Error);
    }
  }

  /** Publishes what is waiting now; resolves when the outbox is empty (used by tests and benchmarks). */
  async flush(): Promise<void> {
    while ((await this.publishBatch()) === BATCH);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.poll) clearInterval(this.poll);
    await this.running;
    await this.listener?.end().catch(() => undefined);
  }

  private wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await this.flush();
        } catch (error) {
          this.log.error({ err: error }, 'outbox relay failed; will retry');
        }
      } while (this.again && !this.stopped);
    })().finally(() => (this.running = undefined));
  }

  private publishBatch(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const rows: OutboxRow[] = await tx.query(
        `SELECT id, type, version, key, key_seq, producer, occurred_at, payload FROM ${this.producer}.outbox_event
          WHERE published_at IS NULL ORDER BY seq LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      if (rows.length === 0) return 0;
      const events: DomainEvent[] = rows.map((r) => ({
        id: r.id,
        type: r.type,
        version: r.version,
        key: r.key,
        keySeq: r.key_seq,
        producer: r.producer,
        occurredAt: new Date(r.occurred_at).toISOString(),
        payload: r.payload,
      }));
      await this.bus.addJobs(
        events.flatMap((event) =>
          this.consumers.map((consumer) => ({
            identifier: consumerTask(consumer),
            payload: event as unknown as Record<string, unknown>,
            queueName: `${consumer}:${this.producer}:${bucketOf(event.key)}`,
            jobKey: `${consumer}:${event.id}`,
            maxAttempts: this.options.maxAttempts,
          })),
        ),
      );
      await tx.query(`UPDATE ${this.producer}.outbox_event SET published_at = now() WHERE id = ANY($1)`, [events.map((e) => e.id)]);
      for (const event of events) this.log.info({ eventId: event.id, type: event.type, key: event.key, consumers: this.consumers }, 'event published');
      return rows.length;
    });
  }
}
