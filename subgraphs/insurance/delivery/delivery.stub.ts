import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ENTITY_DESCRIPTIONS } from '../../shared/graphql/entity-descriptions';

/** Distribution's Delivery, extended here with the payable its confirmed receipt opened. */
@ObjectType({ description: ENTITY_DESCRIPTIONS.Delivery })
@Directive('@key(fields: "id")')
export class Delivery {
  @Field(() => ID, { description: 'Delivery id.' })
  id: string;
}

/** `_entities` for Delivery: the key is all insurance needs; the payable is looked up per field. */
export function resolveDeliveryReference(reference: { id: string }): Delivery {
  return { id: reference.id };
}
