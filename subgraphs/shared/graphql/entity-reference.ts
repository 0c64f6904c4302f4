import { ClassType, Directive, Field, ID, ObjectType } from 'type-graphql';
import { ENTITY_DESCRIPTIONS } from './entity-descriptions';

/** An entity another subgraph owns, known here only by its id. */
export interface EntityReference {
  id: string;
}

/**
 * Declares, for one subgraph, an entity that another subgraph owns and resolves: its key and nothing
 * else (`resolvable: false`). A field returning it returns `{ id }`, and the gateway fetches the rest
 * from the owner. Call once per entity per subgraph.
 */
export function entityReference(name: keyof typeof ENTITY_DESCRIPTIONS): ClassType<EntityReference> {
  @ObjectType(name, { description: ENTITY_DESCRIPTIONS[name] })
  @Directive('@key(fields: "id", resolvable: false)')
  class Reference implements EntityReference {
    @Field(() => ID, { description: `${name} id.` })
    id: string;
  }
  return Reference;
}
