import { EntityReference, entityReference } from '../../shared/graphql/entity-reference';

/** The distribution subgraph's Enterprise, named here only by its key so quality's records can point at it. */
export const Enterprise = entityReference('Enterprise');

/** A reference the gateway resolves in the distribution subgraph. */
export function enterpriseReference(id: string): EntityReference {
  return { id };
}
