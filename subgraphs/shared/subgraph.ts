import type { GraphQLSchema } from 'graphql';
import type { DataSource, EntityManager, EntitySchema } from 'typeorm';
import type { RequestContext } from './context';
import type { SubgraphName } from './db/data-source';
import type { EventHandlers } from './events/consumer';

/** Everything the shared runtime needs to know about one subgraph; each subgraph exports one. */
export interface SubgraphDefinition<Loaders = unknown> {
  name: SubgraphName;
  /** The port it listens on unless `<NAME>_PORT` (or PORT) says otherwise. */
  defaultPort: number;
  // eslint-disable-next-line @typescript-eslint/ban-types, @typescript-eslint/no-explicit-any
  entities: Array<Function | EntitySchema<any>>;
  /** The access matrix: one shield rule per field of every type. */
  permissions: Record<string, Record<string, unknown>>;
  /** Which rows each caller sees, per type, in words (the SQL lives in the *.scope.ts modules). */
  rowScopes: Record<string, string>;
  /** The executable schema with permissions applied; built once per process. */
  schema(): Promise<GraphQLSchema>;
  createLoaders(db: EntityManager, context: Omit<RequestContext, 'loaders' | 'db'>): Loaders;
  /** What the subgraph does with the events it subscribes to (events/catalogue.ts). */
  eventHandlers: EventHandlers;
  /** Loads the demo world into this subgraph's schema when it holds no data yet. */
  seedDemoData(db: DataSource): Promise<boolean>;
}

/** Memoises an async builder so every caller in a process shares one result. */
export function once<T>(build: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= build());
}
