import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../shared/graphql/scalars';

export enum CreditRecordKind {
  COURT_JUDGEMENT = 'COURT_JUDGEMENT',
  ADMINISTRATIVE_PENALTY = 'ADMINISTRATIVE_PENALTY',
  DISHONESTY = 'DISHONESTY',
}
registerEnumType(CreditRecordKind, {
  name: 'CreditRecordKind',
  description: 'What a bad credit record rests on (Q-04: 法院判决或行政处罚决定认定事实).',
  valuesConfig: {
    COURT_JUDGEMENT: { description: 'A court judgement (法院判决).' },
    ADMINISTRATIVE_PENALTY: { description: 'An administrative penalty decision (行政处罚决定).' },
    DISHONESTY: { description: 'A dishonesty finding of this hub (失信, Q-03), recorded with its ban.' },
  },
});

export enum CreditSeverity {
  GENERAL = 'GENERAL',
  MEDIUM = 'MEDIUM',
  SERIOUS = 'SERIOUS',
  PARTICULARLY_SERIOUS = 'PARTICULARLY_SERIOUS',
}
registerEnumType(CreditSeverity, {
  name: 'CreditSeverity',
  description: 'How grave a bad record is, in the four grades of the medical pricing and procurement credit evaluation (一般/中等/严重/特别严重).',
  valuesConfig: {
    GENERAL: { description: 'General (一般); counts for 1 year.' },
    MEDIUM: { description: 'Medium (中等); counts for 2 years.' },
    SERIOUS: { description: 'Serious (严重); counts for 3 years.' },
    PARTICULARLY_SERIOUS: { description: 'Particularly serious (特别严重); counts for 5 years.' },
  },
});

export enum CreditGrade {
  CREDITWORTHY = 'CREDITWORTHY',
  GENERAL = 'GENERAL',
  MEDIUM = 'MEDIUM',
  SERIOUS = 'SERIOUS',
  PARTICULARLY_SERIOUS = 'PARTICULARLY_SERIOUS',
}
registerEnumType(CreditGrade, {
  name: 'CreditGrade',
  description: 'An enterprise’s credit rating on a date (信用评级), Q-04.',
  valuesConfig: {
    CREDITWORTHY: { description: 'No bad record counts on the date (守信).' },
    GENERAL: { description: 'Generally dishonest (一般失信): the worst counting record is GENERAL.' },
    MEDIUM: { description: 'Moderately dishonest (中等失信).' },
    SERIOUS: { description: 'Seriously dishonest (严重失信).' },
    PARTICULARLY_SERIOUS: { description: 'Particularly seriously dishonest (特别严重失信).' },
  },
});

@ObjectType({ description: 'A bad credit record of an enterprise (不良记录), Q-04.' })
export class CreditRecord {
  @Field(() => ID, { description: 'Record id.' })
  id: string;

  enterpriseId: string;

  @Field(() => CreditRecordKind, { description: 'What the record rests on.' })
  kind: CreditRecordKind;

  @Field(() => CreditSeverity, { description: 'How grave it is.' })
  severity: CreditSeverity;

  @Field(() => DateScalar, { description: 'Date of the judgement, decision or finding.' })
  decidedOn: string;

  @Field(() => DateScalar, { description: 'Last day the record counts toward the rating (dynamic management, 不良记录动态管理).' })
  countsUntil: string;

  @Field(() => String, { description: 'The source document: court, case or decision number.' })
  sourceDocument: string;

  @Field(() => String, { description: 'What was decided.' })
  summary: string;

  @Field(() => String, { description: 'GB/T 2260 code of the deciding authority’s region.' })
  regionCode: string;
}

@ObjectType({ description: 'An enterprise’s credit rating on a date, computed from its bad records (Q-04).' })
export class CreditRating {
  enterpriseId: string;

  @Field(() => DateScalar, { description: 'The date rated.' })
  on: string;

  @Field(() => CreditGrade, { description: 'The grade.' })
  grade: CreditGrade;

  @Field(() => Int, { description: 'How many bad records count on the date.' })
  countingRecords: number;

  @Field(() => String, { description: 'The rule the grade follows.' })
  rule: string;
}

export const CREDIT_COLUMNS = `c.id, c.enterprise_id AS "enterpriseId", c.kind, c.severity, c.decided_on::text AS "decidedOn",
  c.source_document AS "sourceDocument", c.summary, c.region_code AS "regionCode"`;
