import { resolve } from 'node:path';
import { TokenVerifier } from '../../subgraphs/shared/auth/tokens';
import { SUBGRAPHS, SubgraphName } from '../../subgraphs/shared/db/data-source';
import { startSubgraph, StartedSubgraph } from '../../subgraphs/shared/http/start-subgraph';
import { createLogger } from '../../subgraphs/shared/logger';
import { SUBGRAPH_DEFINITIONS } from '../../subgraphs/definitions';
import { RunningGateway, startGateway } from '../../gateway/server';
import { serviceTokenSource } from '../../gateway/service-token';
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
  const verifier = new TokenVerifier(TEST_JWT);
  const log = options.logLines ? createLogger('test', 'info', { write: (line: string) => void options.logLines!.push(line) }) : testLogger();
  const subgraphs = new Map<SubgraphName, StartedSubgraph>();
  let gateway: RunningGateway | undefined;
  try {
    for (const name of options.subgraphs ?? SUBGRAPHS) {
      const started = await startSubgraph(SUBGRAPH_DEFINITIONS[name], {
        databaseUrl: db.url,
        port: 0,
        host: '127.0.0.1',
        verifier,
        log: log.child({ service: name }),
        production: false,
        migrate: false,
        demoData: options.demoData ?? true,
        poolSize: 4,
        events:
          options.events === false
            ? undefined
            : { busUrl: db.url, maxAttempts: options.eventMaxAttempts ?? 3, workerConcurrency: 2, pollIntervalMs: 200 },
      });
      subgraphs.set(name, started);
    }
    if (options.gateway ?? true) {
      gateway = await startGateway({
        subgraphs: [...subgraphs].map(([name, s]) => ({ name, url: s.url })),
        supergraph: options.supergraph === 'file' ? { source: 'file', path: resolve('schema/supergraph.graphql') } : { source: 'introspect' },
        verifier,
        serviceToken: serviceTokenSource(TEST_JWT),
        log: log.child({ service: 'gateway' }),
        production: false,
        port: 0,
        host: '127.0.0.1',
      });
    }
  } catch (error) {
    await Promise.all([...subgraphs.values()].map((s) => s.close()));
    await db.drop();
    throw error;
  }
  return {
    db,
    gatewayUrl: gateway?.url ?? '',
    subgraphUrl(name) {
      const found = subgraphs.get(name);
      if (!found) throw new Error(`${name} is not running in this test hub`);
      return found.url;
    },
    subgraph(name) {
      const found = subgraphs.get(name);
      if (!found) throw new Error(`${name} is not running in this test hub`);
      return found;
    },
    async query(who, query, variables) {
      if (!gateway) throw new Error('This test hub has no gateway');
      const token = typeof who === 'string' ? await personaToken(who) : who.token;
      return postGraphQL(gateway.url, { query, variables }, { token });
    },
    async close() {
      await gateway?.close();
      await Promise.all([...subgraphs.values()].map((s) => s.close()));
      await db.drop();
    },
  };
}
