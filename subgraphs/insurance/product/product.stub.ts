import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ENTITY_DESCRIPTIONS } from '../../shared/graphql/entity-descriptions';

/** Procurement's Product, extended here with what insurance knows about it (its payment standard). */
@ObjectType({ description: ENTITY_DESCRIPTIONS.Product })
@Directive('@key(fields: "id")')
export class Product {
  @Field(() => ID, { description: 'Product id.' })
  id: string;
}

/** `_entities` for Product: insurance holds no product rows, so the key is all it needs. */
export function resolveProductReference(reference: { id: string }): Product {
  return { id: reference.id };
}
