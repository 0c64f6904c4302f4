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
  return keyOnly(name, '@key(fields: "id", resolvable: false)');
}

/**
 * Declares, for one subgraph, an entity another subgraph owns that this one extends with fields of its
 * own (insurance's `Delivery.settlement`, quality's `Enterprise.bans` …): its key, resolvable here. The
 * subgraph registers `referenceByKey` for it; the extending fields load what they need from the key.
 * Call once per entity per subgraph, and pair it with `type X = EntityReference` so the name is a type too.
 */
export function extendedEntity(name: keyof typeof ENTITY_DESCRIPTIONS): ClassType<EntityReference> {
  return keyOnly(name, '@key(fields: "id")');
}

/** An object type of `name` with only its `id`, under the given federation key directive. */
function keyOnly(name: keyof typeof ENTITY_DESCRIPTIONS, key: string): ClassType<EntityReference> {
  @ObjectType(name, { description: ENTITY_DESCRIPTIONS[name] })
  @Directive(key)
  class KeyOnly implements EntityReference {
    @Field(() => ID, { description: `${name} id.` })
    id: string;
  }
  return KeyOnly;
}

/** `_entities` for an extended entity: the subgraph holds no row of it, so the key is the whole answer. */
export function referenceByKey(reference: { id: string }): EntityReference {
  return { id: reference.id };
}
