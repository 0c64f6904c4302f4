import { TokenVerifier } from '../auth/tokens';
import { createDataSource } from '../db/data-source';
import { migrate } from '../db/migrate';
import type { Logger } from '../logger';
import type { SubgraphDefinition } from '../subgraph';
import { RunningSubgraph, startSubgraphServer } from './subgraph-server';

export interface StartSubgraphOptions {
  databaseUrl: string;
  port: number;
  host: string;
  verifier: TokenVerifier;
  log: Logger;
  production: boolean;
  /** Apply pending migrations before serving. */
  migrate: boolean;
  /** Load the demo world when the subgraph's tables are empty. */
  demoData: boolean;
  poolSize?: number;
}

export interface StartedSubgraph extends RunningSubgraph {
  /** Stops taking requests, lets in-flight ones finish, then closes the pool. */
  close(): Promise<void>;
}

/** Migrates, seeds and serves one subgraph: the same path for `npm start`, Docker and the e2e tests. */
export async function startSubgraph(definition: SubgraphDefinition, options: StartSubgraphOptions): Promise<StartedSubgraph> {
  const log = options.log;
  if (options.migrate) await migrate({ url: options.databaseUrl, subgraph: definition.name, log });
  const db = createDataSource({ url: options.databaseUrl, subgraph: definition.name, entities: definition.entities, poolSize: options.poolSize });
  await db.initialize();
  try {
    if (options.demoData && (await definition.seedDemoData(db))) log.info('demo data loaded');
    const server = await startSubgraphServer(
      {
        name: definition.name,
        schema: await definition.schema(),
        db,
        verifier: options.verifier,
        log,
        production: options.production,
        createLoaders: (source, ctx) => definition.createLoaders(source, ctx),
      },
      { port: options.port, host: options.host },
    );
    return {
      ...server,
      async close() {
        await server.stop();
        await db.destroy();
      },
    };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}
