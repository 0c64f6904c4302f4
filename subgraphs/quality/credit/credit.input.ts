import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../shared/graphql/scalars';
import { CreditRecordKind, CreditSeverity } from './credit.entity';

@InputType({ description: 'A court judgement, administrative penalty or dishonesty finding to record against an enterprise (Q-04).' })
export class RecordCreditEventInput {
  @Field(() => ID, { description: 'The enterprise, from the enterprise register.' })
  enterpriseId: string;

  @Field(() => CreditRecordKind, { description: 'What the record rests on.' })
  kind: CreditRecordKind;

  @Field(() => CreditSeverity, { description: 'How grave it is; sets how long it counts.' })
  severity: CreditSeverity;

  @Field(() => DateScalar, { description: 'Date of the judgement or decision; not in the future.' })
  decidedOn: string;

  @Field(() => String, { description: 'Source document: court, case or decision number, 1–300 characters.' })
  sourceDocument: string;

  @Field(() => String, { description: 'What was decided, 1–1000 characters.' })
  summary: string;

  @Field(() => String, { description: 'GB/T 2260 code of the deciding authority’s region; within the caller’s jurisdiction.' })
  regionCode: string;
}
