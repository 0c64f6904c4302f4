import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'Declares a winner dishonest for not paying an incident’s replacement cost (Q-03); bans it per G-08.' })
export class DeclareDishonestInput {
  @Field(() => ID, { description: 'The enterprise, from the enterprise register; must be the incident’s failing winner.' })
  enterpriseId: string;

  @Field(() => ID, { description: 'The resolved incident whose replacement cost is unpaid.' })
  incidentId: string;

  @Field(() => String, { description: 'Why, 1–500 characters (e.g. the refusal to pay).' })
  reason: string;
}

@InputType({ description: 'Lifts a ban before its end (e.g. the decision was overturned or the cost paid).' })
export class LiftBanInput {
  @Field(() => ID, { description: 'The ban.' })
  banId: string;

  @Field(() => Int, { description: 'The version read; a different current version is a CONFLICT.' })
  expectedVersion: number;

  @Field(() => String, { description: 'Why, 1–500 characters.' })
  reason: string;
}
