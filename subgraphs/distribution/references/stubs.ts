import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ENTITY_DESCRIPTIONS } from '../../shared/graphql/entity-descriptions';

/** Procurement's Product, named here by its key so a delivery line can point at it. */
@ObjectType({ description: ENTITY_DESCRIPTIONS.Product })
@Directive('@key(fields: "id", resolvable: false)')
export class Product {
  @Field(() => ID, { description: 'Product id.' })
  id: string;
}

/** Procurement's Institution, named here by its key. */
@ObjectType({ description: ENTITY_DESCRIPTIONS.Institution })
@Directive('@key(fields: "id", resolvable: false)')
export class Institution {
  @Field(() => ID, { description: 'Institution id.' })
  id: string;
}

/** Procurement's Order, named here by its key. */
@ObjectType('Order', { description: ENTITY_DESCRIPTIONS.Order })
@Directive('@key(fields: "id", resolvable: false)')
export class OrderReference {
  @Field(() => ID, { description: 'Order id.' })
  id: string;
}
