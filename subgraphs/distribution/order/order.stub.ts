import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ENTITY_DESCRIPTIONS } from '../../shared/graphql/entity-descriptions';

/** Procurement's Order, extended here with its delivery. */
@ObjectType({ description: ENTITY_DESCRIPTIONS.Order })
@Directive('@key(fields: "id")')
export class Order {
  @Field(() => ID, { description: 'Order id.' })
  id: string;
}

/** `_entities` for Order: the key is all distribution needs; the delivery is looked up per field. */
export function resolveOrderReference(reference: { id: string }): Order {
  return { id: reference.id };
}
