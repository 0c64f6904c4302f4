import 'reflect-metadata';
import { types } from 'pg';
import { DataSource, EntitySchema } from 'typeorm';

// Calendar dates stay 'YYYY-MM-DD' strings: the driver's default turns them into local-time Date objects,
// which shifts a policy's effective date by a day east or west of UTC.
types.setTypeParser(1082, (value: string) => value);

import { SUBGRAPHS, type SubgraphName } from '../subgraph-names';

export { SUBGRAPHS, type SubgraphName };

/** The role a subgraph's connections act as: it may touch only its own schema (created by its first migration). */
export function applicationRole(subgraph: SubgraphName): string {
  return `${subgraph}_app`;
}

export interface DataSourceOptions {
  url: string;
  subgraph: SubgraphName;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  entities: Array<Function | EntitySchema<any>>;
  poolSize?: number;
  applicationName?: string;
  /** PostgreSQL cancels any statement of this pool that runs longer (0: no limit). */
  statementTimeoutMs?: number;
  /** Session settings every connection starts with (e.g. the SYSTEM actor for demo seeding). */
  sessionSettings?: Record<string, string>;
}

/**
 * A subgraph's connection pool. Every connection starts with `role=<subgraph>_app` and the subgraph's
 * schema on the search path, so even a superuser URL can only reach what the subgraph owns.
 */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.subgraph,
    entities: options.entities,
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: {
      max: options.poolSize ?? 10,
      options: [
        `-c search_path=${options.subgraph}`,
        `-c role=${applicationRole(options.subgraph)}`,
        `-c statement_timeout=${options.statementTimeoutMs ?? 0}`,
        // A request's transaction never waits on the client for long; one left open is abandoned.
        '-c idle_in_transaction_session_timeout=60000',
        ...Object.entries(options.sessionSettings ?? {}).map(([name, value]) => `-c ${name}=${value}`),
      ].join(' '),
      application_name: options.applicationName ?? `vbp-${options.subgraph}`,
      connectionTimeoutMillis: 5_000,
    },
  });
}

/** Builds the URL a subgraph uses: its own variable first (e.g. PROCUREMENT_DATABASE_URL), then DATABASE_URL. */
export function databaseUrlFor(subgraph: SubgraphName, env: NodeJS.ProcessEnv): string | undefined {
  return env[`${subgraph.toUpperCase()}_DATABASE_URL`] || env.DATABASE_URL || undefined;
}
