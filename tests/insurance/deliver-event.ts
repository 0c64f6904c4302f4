import { randomUUID } from 'node:crypto';
import { consumerTask } from '../../subgraphs/shared/events/catalogue';
import type { DomainEvent } from '../../subgraphs/shared/events/event';
import { eventually } from '../support/eventually';
import type { TestHub } from '../support/hub';

/**
 * Puts a procurement (or distribution) event on the bus for insurance exactly as the producer's relay would
 * (the producer side of the procurement contracts is another issue), and waits until insurance's inbox has applied it.
 */
export async function deliverToInsurance(
  hub: TestHub,
  type: string,
  key: string,
  keySeq: number,
  payload: Record<string, unknown>,
  producer: 'procurement' | 'distribution' = 'procurement',
): Promise<void> {
  const event: DomainEvent = { id: randomUUID(), type, version: 1, key, keySeq, producer, occurredAt: new Date().toISOString(), payload };
  await hub.subgraph(producer).bus!.addJob(consumerTask('insurance'), event as unknown as Record<string, unknown>, { jobKey: `test-${event.id}` });
  await eventually(async () => {
    const rows = await hub.db.query('SELECT 1 FROM insurance.inbox WHERE event_id = $1', [event.id]);
    expect(rows).toHaveLength(1);
  });
}
