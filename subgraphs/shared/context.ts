import type { WorkerUtils } from 'graphile-worker';
import type { EntityManager } from 'typeorm';
import type { Identity } from './auth/identity';
import type { RequestTransaction } from './db/request-transaction';
import type { Logger } from './logger';

/**
 * What every resolver of every subgraph receives. One is built per request, so the loaders' caches
 * never outlive the request nor serve one caller's rows to another.
 */
export interface RequestContext<Loaders = unknown> {
  requestId: string;
  /** Undefined when the request carried no token; the permission layer then answers UNAUTHENTICATED. */
  identity?: Identity;
  log: Logger;
  /**
   * The request's own transaction, carrying the caller's identity for row-level security; a service's
   * `db.transaction()` inside it is a savepoint.
   */
  db: EntityManager;
  /** Committed (with the request's audit rows) when the response is ready; absent outside a request. */
  requestTransaction?: RequestTransaction;
  /** The event bus, for the few operations that inspect it; undefined where no bus is configured. */
  bus?: WorkerUtils;
  loaders: Loaders;
}
