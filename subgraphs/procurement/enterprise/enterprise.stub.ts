import { EntityReference, entityReference } from '../../shared/graphql/entity-reference';

/** The distribution subgraph's Enterprise, named here only by its key so products and orders can point at it. */
export const Enterprise = entityReference('Enterprise');

/** A reference the gateway resolves in the distribution subgraph; never a read of that subgraph's data. */
export function enterpriseReference(id: string): EntityReference {
  return { id };
}
