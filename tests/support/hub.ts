import type { SubgraphName } from '../../subgraphs/shared/db/data-source';
import type { StartedSubgraph } from '../../subgraphs/shared/http/start-subgraph';
import { createLogger } from '../../subgraphs/shared/logger';
import { InProcessHub, startInProcessHub } from '../../scripts/lib/in-process-hub';
import type { RequestLimits } from '../../gateway/request-limits';
import { createTestDatabase, TestDatabase } from './database';
import { GraphQLResponse, postGraphQL } from './graphql-client';
import { PersonaName, personaToken } from './tokens';
import { TEST_JWT } from './test-environment';

export interface TestHubOptions {
  subgraphs?: SubgraphName[];
  gateway?: boolean;
  supergraph?: 'introspect' | 'file';
  demoData?: boolean;
  /** Receives every log line of the hub's services (JSON), for tests about logging. */
  logLines?: string[];
  /** Run the event relays and workers (default true). */
  events?: boolean;
  /** Attempts before an event is parked (default 3). */
  eventMaxAttempts?: number;
  /** Gateway limits other than the production defaults. */
  limits?: Partial<RequestLimits>;
  statementTimeoutMs?: number;
}

export interface TestHub {
  db: TestDatabase;
  gatewayUrl: string;
  subgraphUrl(name: SubgraphName): string;
  /** The running subgraph itself (its relay, worker and bus handle), for tests of the event flow. */
  subgraph(name: SubgraphName): StartedSubgraph;
  /** Sends an operation through the gateway as a demo persona, or with an explicit token (or none). */
  query<T = Record<string, unknown>>(
    who: PersonaName | { token?: string },
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/** Quiet unless TEST_LOG=debug (or another level) is set. */
export const testLogger = () => createLogger('test', process.env.TEST_LOG ?? 'silent');

/**
 * The real thing, in-process: the subgraphs on their own ports over a fresh PostgreSQL database, and a
 * gateway that talks to them over HTTP. Each test file starts its own and closes it afterwards.
 */
export async function startTestHub(options: TestHubOptions = {}): Promise<TestHub> {
  const db = await createTestDatabase();
  const log = options.logLines ? createLogger('test', 'info', { write: (line: string) => void options.logLines!.push(line) }) : testLogger();
  let hub: InProcessHub;
  try {
    hub = await startInProcessHub({
      databaseUrl: db.url,
      jwt: TEST_JWT,
      log,
      subgraphs: options.subgraphs,
      gateway: options.gateway,
      supergraph: options.supergraph,
      demoData: options.demoData,
      limits: options.limits,
      statementTimeoutMs: options.statementTimeoutMs,
      events: options.events === false ? false : { maxAttempts: options.eventMaxAttempts ?? 3, workerConcurrency: 2, pollIntervalMs: 200 },
    });
  } catch (error) {
    await db.drop();
    throw error;
  }
  const running = (name: SubgraphName) => {
    const found = hub.subgraphs.get(name);
    if (!found) throw new Error(`${name} is not running in this test hub`);
    return found;
  };
  return {
    db,
    gatewayUrl: hub.gateway?.url ?? '',
    subgraphUrl: (name) => running(name).url,
    subgraph: running,
    async query(who, query, variables) {
      if (!hub.gateway) throw new Error('This test hub has no gateway');
      const token = typeof who === 'string' ? await personaToken(who) : who.token;
      return postGraphQL(hub.gateway.url, { query, variables }, { token });
    },
    async close() {
      await hub.close();
      await db.drop();
    },
  };
}
