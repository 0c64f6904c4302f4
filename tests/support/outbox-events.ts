import type { EntityManager } from 'typeorm';
import type { SubgraphName } from '../../subgraphs/shared/db/data-source';
import type { DomainEvent } from '../../subgraphs/shared/events/event';
import { recordEvent } from '../../subgraphs/shared/events/outbox';
import type { TestHub } from './hub';

/**
 * Records an event in a producer's outbox as its own services would, so the producer's relay delivers it
 * to the consumers: tests a consumer's reaction through the real bus, e.g. before the producer emits it.
 */
export function recordOutboxEvent(hub: TestHub, producer: SubgraphName, type: string, key: string, payload: Record<string, unknown>): Promise<DomainEvent> {
  const owner = { query: (sql: string, params?: unknown[]) => hub.db.query(sql, params) } as unknown as EntityManager;
  return recordEvent(owner, producer, { type, version: 1, key, payload });
}
