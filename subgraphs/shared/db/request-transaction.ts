import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { Identity, Role } from '../auth/identity';
import { regionLikePattern } from '../region';

/**
 * The PostgreSQL settings that row-level security policies read (`current_setting('vbp.actor_role')` …).
 * They are set with `set_config(…, true)`: local to the request's transaction, so a pooled connection
 * never carries one caller's identity into the next.
 */
export const ACTOR_SETTINGS = {
  role: 'vbp.actor_role',
  org: 'vbp.actor_org',
  regionLike: 'vbp.actor_region_like',
  department: 'vbp.actor_department',
} as const;

/** The actor event consumers and demo seeding act as: they write every organisation's rows. */
export const SYSTEM_ACTOR = 'SYSTEM';

/** The settings for a caller; no identity (or the gateway's service identity) sees no scoped row. */
export function actorSettings(identity: Identity | undefined): Record<string, string> {
  const personal = identity && identity.role !== Role.SERVICE;
  return {
    [ACTOR_SETTINGS.role]: personal ? identity.role : 'NONE',
    [ACTOR_SETTINGS.org]: (personal && identity.org) || '',
    // A pattern that matches no six-digit code when the caller has no region.
    [ACTOR_SETTINGS.regionLike]: personal && identity.region ? regionLikePattern(identity.region) : '-',
    [ACTOR_SETTINGS.department]: (personal && identity.department) || '',
  };
}

/** Applies settings to the current transaction of `manager`. */
export async function applyActorSettings(manager: EntityManager, settings: Record<string, string>): Promise<void> {
  const names = Object.keys(settings);
  await manager.query(
    `SELECT ${names.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`).join(', ')}`,
    names.flatMap((name) => [name, settings[name]]),
  );
}

/** Marks the transaction of `manager` as the system's own work (event consumers, demo seeding). */
export function actAsSystem(manager: EntityManager): Promise<void> {
  return applyActorSettings(manager, { [ACTOR_SETTINGS.role]: SYSTEM_ACTOR });
}

/**
 * One request, one transaction: every statement a request's resolvers and loaders run goes through the
 * same connection, inside a transaction that carries the caller's identity for row-level security. A
 * service's own `transaction()` becomes a savepoint inside it, so a failed mutation still rolls back
 * whole while the request's audit rows, written at the end, commit with the work or fail it.
 */
export class RequestTransaction {
  private finished = false;
  private statementCount = 0;

  private constructor(
    private readonly runner: QueryRunner,
    readonly manager: EntityManager,
  ) {}

  static async open(db: DataSource, identity: Identity | undefined): Promise<RequestTransaction> {
    const runner = db.createQueryRunner();
    // Every statement of the request passes here (TypeORM's managers and builders all call `query`), so
    // the count is what the request cost the database: BEGIN and the identity settings included.
    const query = runner.query.bind(runner);
    let transaction: RequestTransaction | undefined;
    let beforeOpen = 0;
    // One connection runs one statement at a time. DataLoaders of one request fire together; the driver
    // would queue them itself, but that is deprecated (pg 9 drops it), so they queue here, in call order.
    let previous: Promise<unknown> = Promise.resolve();
    runner.query = ((...args: Parameters<QueryRunner['query']>) => {
      if (transaction) transaction.statementCount += 1;
      else beforeOpen += 1;
      const result = previous.then(() => query(...args));
      previous = result.catch(() => undefined);
      return result;
    }) as QueryRunner['query'];
    try {
      await runner.connect();
      await runner.startTransaction();
      await applyActorSettings(runner.manager, actorSettings(identity));
    } catch (error) {
      await runner.release().catch(() => undefined);
      throw error;
    }
    transaction = new RequestTransaction(runner, runner.manager);
    transaction.statementCount = beforeOpen;
    return transaction;
  }

  /** SQL statements this request has run so far (its N+1 detector and the benchmark's figure). */
  get statements(): number {
    return this.statementCount;
  }

  /** Commits the request's work (and whatever `beforeCommit` writes), then returns the connection. */
  async commit(beforeCommit?: (manager: EntityManager) => Promise<void>): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    try {
      if (beforeCommit) await beforeCommit(this.manager);
      await this.runner.commitTransaction();
    } catch (error) {
      await this.runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await this.runner.release().catch(() => undefined);
    }
  }

  /** Abandons the request's work and returns the connection. */
  async rollback(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    try {
      await this.runner.rollbackTransaction();
    } finally {
      await this.runner.release().catch(() => undefined);
    }
  }
}
