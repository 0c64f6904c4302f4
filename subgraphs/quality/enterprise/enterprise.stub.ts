import { EntityReference, extendedEntity } from '../../shared/graphql/entity-reference';

/** The distribution subgraph's Enterprise, extended here with the dishonesty bans against it (G-08). */
export const Enterprise = extendedEntity('Enterprise');
export type Enterprise = EntityReference;

/** A reference the gateway resolves in the distribution subgraph. */
export function enterpriseReference(id: string): EntityReference {
  return { id };
}
