import type { SubgraphName } from '../db/data-source';

/**
 * A fact one subgraph tells the others, as it sits in the producer's outbox and travels on the bus.
 * `keySeq` numbers the producer's events per key (1, 2, 3 …), so a consumer can apply them in order.
 */
export interface DomainEvent<P = Record<string, unknown>> {
  id: string;
  type: string;
  version: number;
  key: string;
  keySeq: number;
  producer: SubgraphName;
  occurredAt: string;
  payload: P;
}

/** What a service states when it records an event; the outbox fills in the rest. */
export interface NewEvent<P = Record<string, unknown>> {
  type: string;
  version: number;
  key: string;
  payload: P;
}

/** `procurement.OrderPlaced.v1`: how logs, subscriptions and handlers name an event type. */
export function qualifiedType(event: Pick<DomainEvent, 'producer' | 'type' | 'version'>): string {
  return `${event.producer}.${event.type}.v${event.version}`;
}
