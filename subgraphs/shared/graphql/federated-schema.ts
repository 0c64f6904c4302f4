import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { applyMiddleware } from 'graphql-middleware';
import { IRules } from 'graphql-shield';
import { buildSchema, createResolversMap, NonEmptyArray } from 'type-graphql';
import { permissionsFor } from '../auth/permissions';
import type { RequestContext } from '../context';

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides"])';

/** Resolves a federation reference `{ __typename, ...key }` to the entity, or null when the caller may not see it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ReferenceResolver = (reference: any, context: RequestContext<any>) => unknown;

export interface FederatedSchemaDefinition {
  // eslint-disable-next-line @typescript-eslint/ban-types
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/ban-types
  orphanedTypes?: Function[];
  /** `__resolveReference` per entity type name. */
  references: Record<string, ReferenceResolver>;
  /** The subgraph's access matrix: a shield rule for every field of every type. */
  permissions: IRules;
}

/**
 * Builds a subgraph schema from type-graphql classes: type-graphql prints the SDL (with @key directives),
 * Apollo's buildSubgraphSchema adds `_entities`/`_service`, and graphql-shield wraps every field,
 * federation's included. Reference resolvers are plain functions that reuse the services' scoped loaders.
 */
export async function buildFederatedSchema(definition: FederatedSchemaDefinition): Promise<GraphQLSchema> {
  const typeGraphqlSchema = await buildSchema({
    resolvers: definition.resolvers,
    orphanedTypes: definition.orphanedTypes,
    skipCheck: true,
    validate: false,
  });
  const typeDefs = gql(`${FEDERATION_LINK}\n${printSchemaWithDirectives(typeGraphqlSchema)}`);
  const resolvers = createResolversMap(typeGraphqlSchema) as Record<string, Record<string, unknown>>;
  for (const [typeName, resolveReference] of Object.entries(definition.references)) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), __resolveReference: resolveReference };
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const subgraphSchema = buildSubgraphSchema({ typeDefs, resolvers: resolvers as any });
  return applyMiddleware(subgraphSchema, permissionsFor(definition.permissions));
}
