import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ENTITY_DESCRIPTIONS } from '../../shared/graphql/entity-descriptions';

/** The distribution subgraph's Enterprise, named here only by its key so a product can point at its maker. */
@ObjectType({ description: ENTITY_DESCRIPTIONS.Enterprise })
@Directive('@key(fields: "id", resolvable: false)')
export class Enterprise {
  @Field(() => ID, { description: 'Enterprise id.' })
  id: string;
}

/** A reference the gateway resolves in the distribution subgraph; never a read of that subgraph's data. */
export function enterpriseReference(id: string): Enterprise {
  return { id };
}
