import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../shared/graphql/scalars';

/** Q-03 / G-08: a dishonest enterprise barred from the public institutions of a region. */
@ObjectType({ description: 'A dishonesty ban (失信禁入) of an enterprise: all its products, from every public institution of the region, for the G-08 period, Q-03.' })
export class EnterpriseBan {
  @Field(() => ID, { description: 'Ban id.' })
  id: string;

  enterpriseId: string;

  @Field(() => String, { description: 'GB/T 2260 code of the region whose public institutions may not buy from the enterprise (and every region below it).' })
  regionCode: string;

  @Field(() => DateScalar, { description: 'First day of the ban.' })
  startsOn: string;

  @Field(() => DateScalar, { description: 'Last day of the ban (G-08 years after the start, less a day).' })
  endsOn: string;

  @Field(() => String, { description: 'Why the enterprise was found dishonest.' })
  reason: string;

  @Field(() => String, { description: 'What the ban covers, in the policy’s words (G-08).' })
  scope: string;

  @Field(() => String, { description: 'The policy document that set the ban’s length.' })
  policyDocument: string;

  @Field(() => ID, { nullable: true, description: 'The incident whose replacement cost went unpaid; null for a ban recorded without one.' })
  incidentId: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When the ban was lifted early; null unless lifted.' })
  liftedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was lifted; null unless lifted.' })
  liftReason: string | null;

  @Field(() => Int, { description: 'Version for optimistic concurrency: pass it as expectedVersion when lifting.' })
  version: number;
}

export const BAN_COLUMNS = `b.id, b.enterprise_id AS "enterpriseId", b.region_code AS "regionCode", b.starts_on::text AS "startsOn", b.ends_on::text AS "endsOn",
  b.reason, b.scope, b.policy_document AS "policyDocument", b.incident_id AS "incidentId", b.lifted_on::text AS "liftedOn", b.lift_reason AS "liftReason", b.version`;
