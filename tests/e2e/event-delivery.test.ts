import { consumerTask } from '../../subgraphs/shared/events/catalogue';
import { applyEvent, EventOutOfOrder, startEventWorker } from '../../subgraphs/shared/events/consumer';
import type { DomainEvent } from '../../subgraphs/shared/events/event';
import { createDataSource } from '../../subgraphs/shared/db/data-source';
import { DEMO } from '../../subgraphs/shared/demo/ids';
import { SUBGRAPH_DEFINITIONS } from '../../subgraphs/definitions';
import { eventually } from '../support/eventually';
import { CONFIRM_RECEIPT, ok, orderAndShip } from '../support/flow';
import { startTestHub, testLogger, TestHub } from '../support/hub';

const P = DEMO.products;
const CONSUMERS = `{ eventConsumers { consumer pending retrying parked oldestPendingSeconds deliveredLastMinute parkedEvents { eventId eventType key attempts lastError } } }`;

type ConsumerStatus = { consumer: string; pending: number; retrying: number; parked: number; deliveredLastMinute: number; parkedEvents: Array<{ eventId: string; eventType: string; lastError: string }> };

describe('event delivery between subgraphs', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ eventMaxAttempts: 3 });
  });
  afterAll(() => hub.close());

  async function consumer(name: string): Promise<ConsumerStatus> {
    const data = ok(await hub.query<{ eventConsumers: ConsumerStatus[] }>('insurance-regulator', CONSUMERS));
    return data.eventConsumers.find((c) => c.consumer === name)!;
  }

  async function settlementsFor(deliveryId: string): Promise<number> {
    const [{ n }] = await hub.db.query('SELECT count(*)::int AS n FROM insurance.settlement WHERE delivery_id = $1', [deliveryId]);
    return n as number;
  }

  async function confirmed(lines = [{ productId: P.atorvastatinLingnan, quantity: 10, unitPrice: '0.12' }]) {
    const flow = await orderAndShip(hub, lines);
    ok(await hub.query(flow.hospital, CONFIRM_RECEIPT, { id: flow.deliveryId, at: new Date().toISOString() }));
    return flow;
  }

  it('records the event in the producer’s outbox in the same transaction as the change', async () => {
    const { orderId, deliveryId } = await confirmed();
    const events = await hub.db.query(`SELECT type, version, key, key_seq, producer FROM distribution.outbox_event WHERE key = $1 ORDER BY key_seq`, [orderId]);
    expect(events).toEqual([
      { type: 'OrderShipped', version: 1, key: orderId, key_seq: 1, producer: 'distribution' },
      { type: 'ReceiptConfirmed', version: 1, key: orderId, key_seq: 2, producer: 'distribution' },
    ]);
    await eventually(async () => expect(await settlementsFor(deliveryId)).toBe(1));
  });

  it('applies a redelivered event once in effect (the consumer’s inbox drops the duplicate)', async () => {
    const { orderId, deliveryId } = await confirmed();
    await eventually(async () => expect(await settlementsFor(deliveryId)).toBe(1));
    const [row] = await hub.db.query(`SELECT * FROM distribution.outbox_event WHERE key = $1 AND type = 'ReceiptConfirmed'`, [orderId]);
    const event: DomainEvent = { id: row.id, type: row.type, version: row.version, key: row.key, keySeq: row.key_seq, producer: row.producer, occurredAt: row.occurred_at, payload: row.payload };
    await hub.subgraph('distribution').bus!.addJob(consumerTask('insurance'), event as unknown as Record<string, unknown>, { jobKey: `redelivery-${event.id}` });
    await eventually(async () => {
      const [{ n }] = await hub.db.query(`SELECT count(*)::int AS n FROM vbp_bus.delivery WHERE event_id = $1 AND consumer = 'insurance'`, [event.id]);
      const [{ pending }] = await hub.db.query(`SELECT count(*)::int AS pending FROM graphile_worker.jobs WHERE key = $1`, [`redelivery-${event.id}`]);
      expect({ n, pending }).toEqual({ n: 1, pending: 0 });
    });
    expect(await settlementsFor(deliveryId)).toBe(1);
  });

  it('retries a failing consumer with backoff, parks the event after N attempts, and replays it exactly once', async () => {
    await hub.db.query('REVOKE INSERT ON insurance.settlement FROM insurance_app');
    let deliveryId: string;
    try {
      ({ deliveryId } = await confirmed());
      // The first failure schedules the next attempt in the future (graphile-worker's exponential backoff).
      const job = await eventually(async () => {
        const [j] = await hub.db.query(
          `SELECT j.id::text, j.attempts, j.run_at > now() AS later, j.last_error
             FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
            WHERE t.identifier = $1 AND j.payload->>'type' = 'ReceiptConfirmed' AND j.payload->'payload'->>'deliveryId' = $2`,
          [consumerTask('insurance'), deliveryId],
        );
        expect(j).toMatchObject({ attempts: 1, later: true });
        return j;
      });
      expect(job.last_error).toMatch(/permission denied/);
      expect((await consumer('insurance')).retrying).toBeGreaterThanOrEqual(1);

      // Skip the waiting: run the remaining attempts now, until the event is parked.
      const bus = hub.subgraph('insurance').bus!;
      for (let attempt = 2; attempt <= 3; attempt += 1) {
        await bus.rescheduleJobs([job.id], { runAt: new Date() });
        await eventually(async () => {
          const [j] = await hub.db.query('SELECT attempts, locked_at FROM graphile_worker.jobs WHERE id = $1', [job.id]);
          expect(j).toMatchObject({ attempts: attempt, locked_at: null });
        });
      }
      const parked = await consumer('insurance');
      expect(parked.parked).toBe(1);
      expect(parked.parkedEvents[0]).toMatchObject({ eventType: 'distribution.ReceiptConfirmed.v1' });
      expect(parked.parkedEvents[0].lastError).not.toMatch(/\n|at .*\.js/);
      expect(await settlementsFor(deliveryId)).toBe(0);
    } finally {
      await hub.db.query('GRANT INSERT ON insurance.settlement TO insurance_app');
    }

    const replayed = ok(await hub.query<{ replayParkedEvents: number }>('insurance-regulator', 'mutation { replayParkedEvents(consumer: "insurance") }'));
    expect(replayed.replayParkedEvents).toBe(1);
    await eventually(async () => expect(await settlementsFor(deliveryId!)).toBe(1));
    expect((await consumer('insurance')).parked).toBe(0);
  });

  it('survives a consumer killed mid-flight: its half-done transaction rolls back and the retry applies the event once', async () => {
    const { Client } = await import('pg');
    const locker = new Client({ connectionString: hub.db.url });
    await locker.connect();
    let deliveryId: string;
    try {
      // Hold the table, so the consumer blocks inside its transaction (inbox position taken, payable not written).
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE insurance.settlement IN ACCESS EXCLUSIVE MODE');
      ({ deliveryId } = await confirmed());
      const [victim] = await eventually(async () => {
        const rows = await hub.db.query(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%insurance.settlement%'`,
        );
        expect(rows.length).toBeGreaterThan(0);
        return rows;
      });
      // Kill the consumer's connection mid-transaction, as a crash would.
      await hub.db.query('SELECT pg_terminate_backend($1)', [victim.pid]);
      await locker.query('ROLLBACK');
    } finally {
      await locker.end();
    }
    const job = await eventually(async () => {
      const [j] = await hub.db.query(
        `SELECT j.id::text, j.attempts FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
          WHERE t.identifier = $1 AND j.payload->'payload'->>'deliveryId' = $2`,
        [consumerTask('insurance'), deliveryId!],
      );
      expect(j.attempts).toBe(1);
      return j;
    });
    expect(await settlementsFor(deliveryId!)).toBe(0);
    await hub.subgraph('insurance').bus!.rescheduleJobs([job.id], { runAt: new Date() });
    await eventually(async () => expect(await settlementsFor(deliveryId!)).toBe(1));
    const [{ lines }] = await hub.db.query('SELECT count(*)::int AS lines FROM insurance.settlement_line l JOIN insurance.settlement s ON s.id = l.settlement_id WHERE s.delivery_id = $1', [deliveryId!]);
    expect(lines).toBe(1);
  });

  it('applies a key’s events in order: a later one waits for its predecessor', async () => {
    const db = createDataSource({ url: hub.db.url, subgraph: 'procurement', entities: SUBGRAPH_DEFINITIONS.procurement.entities });
    await db.initialize();
    try {
      const key = '00000000-0000-4000-8000-00000000abcd';
      const base = { version: 1, key, producer: 'distribution' as const, occurredAt: new Date().toISOString() };
      const shipped: DomainEvent = { ...base, id: '10000000-0000-4000-8000-000000000001', type: 'OrderShipped', keySeq: 1, payload: { orderId: key } };
      const confirmedEvent: DomainEvent = { ...base, id: '10000000-0000-4000-8000-000000000002', type: 'ReceiptConfirmed', keySeq: 2, payload: { orderId: key } };
      const handlers = SUBGRAPH_DEFINITIONS.procurement.eventHandlers;
      await expect(applyEvent('procurement', db, handlers, confirmedEvent, testLogger())).rejects.toBeInstanceOf(EventOutOfOrder);
      await expect(applyEvent('procurement', db, handlers, shipped, testLogger())).resolves.toBe('applied');
      await expect(applyEvent('procurement', db, handlers, confirmedEvent, testLogger())).resolves.toBe('applied');
      await expect(applyEvent('procurement', db, handlers, shipped, testLogger())).resolves.toBe('duplicate');
    } finally {
      await db.destroy();
    }
  });

  it('shows operators each consumer’s throughput, and refuses the view to non-regulators', async () => {
    const status = await consumer('insurance');
    expect(status.deliveredLastMinute).toBeGreaterThan(0);
    const denied = await hub.query('hospital', CONSUMERS);
    expect(denied.body.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
  // Last: it stops this hub's insurance worker for good.
  it('catches up after the consumer was down: nothing lost, nothing doubled', async () => {
    const insurance = hub.subgraph('insurance');
    await insurance.worker!.stop();
    const flows = [];
    for (let i = 0; i < 3; i += 1) flows.push(await confirmed([{ productId: P.amlodipineHuayue, quantity: 10 + i, unitPrice: '0.05' }]));
    await eventually(async () => expect((await consumer('insurance')).pending).toBeGreaterThanOrEqual(3));
    for (const f of flows) expect(await settlementsFor(f.deliveryId)).toBe(0);

    // "Restart": a new worker for the same consumer, on the same bus and database.
    const db = createDataSource({ url: hub.db.url, subgraph: 'insurance', entities: SUBGRAPH_DEFINITIONS.insurance.entities });
    await db.initialize();
    const worker = await startEventWorker({ consumer: 'insurance', db, busUrl: hub.db.url, handlers: SUBGRAPH_DEFINITIONS.insurance.eventHandlers, log: testLogger(), concurrency: 2, pollIntervalMs: 200 });
    try {
      await eventually(async () => {
        for (const f of flows) expect(await settlementsFor(f.deliveryId)).toBe(1);
      });
      // Insurance also consumes procurement's events (on other keys), which may drain a moment later.
      await eventually(async () => expect((await consumer('insurance')).pending).toBe(0));
    } finally {
      await worker.stop();
      await db.destroy();
    }
  });

});
