import { resolve } from 'node:path';
import type { JwtSettings } from '../../subgraphs/shared/config';
import { TokenVerifier } from '../../subgraphs/shared/auth/tokens';
import { SUBGRAPHS, SubgraphName } from '../../subgraphs/shared/db/data-source';
import { startSubgraph, StartedSubgraph } from '../../subgraphs/shared/http/start-subgraph';
import type { Logger } from '../../subgraphs/shared/logger';
import { SUBGRAPH_DEFINITIONS } from '../../subgraphs/definitions';
import { RunningGateway, startGateway } from '../../gateway/server';
import { serviceTokenSource } from '../../gateway/service-token';
import type { RequestLimits } from '../../gateway/request-limits';

export interface InProcessHubOptions {
  databaseUrl: string;
  jwt: Extract<JwtSettings, { kind: 'secret' }>;
  log: Logger;
  subgraphs?: SubgraphName[];
  gateway?: boolean;
  supergraph?: 'introspect' | 'file';
  migrate?: boolean;
  demoData?: boolean;
  events?: false | { maxAttempts: number; workerConcurrency: number; pollIntervalMs: number; staleLockMs?: number };
  poolSize?: number;
  statementTimeoutMs?: number;
  limits?: Partial<RequestLimits>;
}

export interface InProcessHub {
  gateway?: RunningGateway;
  subgraphs: Map<SubgraphName, StartedSubgraph>;
  close(): Promise<void>;
}

/**
 * The whole hub in one process, each service on its own loopback port and talking over real HTTP: what
 * the tests and the benchmarks run (the `npm start` processes use the very same start functions).
 */
export async function startInProcessHub(options: InProcessHubOptions): Promise<InProcessHub> {
  const verifier = new TokenVerifier(options.jwt);
  const subgraphs = new Map<SubgraphName, StartedSubgraph>();
  let gateway: RunningGateway | undefined;
  const closeAll = async () => {
    await gateway?.close();
    await Promise.all([...subgraphs.values()].map((s) => s.close()));
  };
  try {
    for (const name of options.subgraphs ?? SUBGRAPHS) {
      subgraphs.set(
        name,
        await startSubgraph(SUBGRAPH_DEFINITIONS[name], {
          databaseUrl: options.databaseUrl,
          port: 0,
          host: '127.0.0.1',
          verifier,
          log: options.log.child({ service: name }),
          production: false,
          migrate: options.migrate ?? false,
          demoData: options.demoData ?? true,
          poolSize: options.poolSize ?? 4,
          statementTimeoutMs: options.statementTimeoutMs,
          events: options.events === false ? undefined : { busUrl: options.databaseUrl, ...(options.events ?? { maxAttempts: 10, workerConcurrency: 4, pollIntervalMs: 500 }) },
        }),
      );
    }
    if (options.gateway ?? true) {
      gateway = await startGateway({
        subgraphs: [...subgraphs].map(([name, s]) => ({ name, url: s.url })),
        supergraph: options.supergraph === 'file' ? { source: 'file', path: resolve('schema/supergraph.graphql') } : { source: 'introspect' },
        verifier,
        serviceToken: serviceTokenSource(options.jwt),
        log: options.log.child({ service: 'gateway' }),
        production: false,
        port: 0,
        host: '127.0.0.1',
        limits: options.limits,
      });
    }
  } catch (error) {
    await closeAll();
    throw error;
  }
  return { gateway, subgraphs, close: closeAll };
}
