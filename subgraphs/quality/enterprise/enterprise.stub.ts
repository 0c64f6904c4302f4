import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { EntityReference } from '../../shared/graphql/entity-reference';
import { ENTITY_DESCRIPTIONS } from '../../shared/graphql/entity-descriptions';

/** The distribution subgraph's Enterprise, extended here with the dishonesty bans against it (G-08). */
@ObjectType({ description: ENTITY_DESCRIPTIONS.Enterprise })
@Directive('@key(fields: "id")')
export class Enterprise {
  @Field(() => ID, { description: 'Enterprise id.' })
  id: string;
}

/** A reference the gateway resolves in the distribution subgraph. */
export function enterpriseReference(id: string): EntityReference {
  return { id };
}

/** `_entities` for Enterprise: the key is all quality needs; its bans are looked up per field. */
export function resolveEnterpriseReference(reference: { id: string }): Enterprise {
  return { id: reference.id };
}
