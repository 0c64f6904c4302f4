import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ENTITY_DESCRIPTIONS } from '../../shared/graphql/entity-descriptions';

/** Procurement's Institution, named here by its key (the payer). */
@ObjectType({ description: ENTITY_DESCRIPTIONS.Institution })
@Directive('@key(fields: "id", resolvable: false)')
export class Institution {
  @Field(() => ID, { description: 'Institution id.' })
  id: string;
}

/** Distribution's Enterprise, named here by its key (the payee). */
@ObjectType({ description: ENTITY_DESCRIPTIONS.Enterprise })
@Directive('@key(fields: "id", resolvable: false)')
export class Enterprise {
  @Field(() => ID, { description: 'Enterprise id.' })
  id: string;
}

/** Distribution's Delivery, named here by its key (what is being paid for). */
@ObjectType({ description: ENTITY_DESCRIPTIONS.Delivery })
@Directive('@key(fields: "id", resolvable: false)')
export class Delivery {
  @Field(() => ID, { description: 'Delivery id.' })
  id: string;
}

/** Procurement's Order, named here by its key. */
@ObjectType('Order', { description: ENTITY_DESCRIPTIONS.Order })
@Directive('@key(fields: "id", resolvable: false)')
export class OrderReference {
  @Field(() => ID, { description: 'Order id.' })
  id: string;
}
