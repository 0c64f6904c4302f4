import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, DateTimeScalar } from '../../shared/graphql/scalars';

/** What the State Council's holiday arrangement makes of a day. */
export enum OfficialDayKind {
  PUBLIC_HOLIDAY = 'PUBLIC_HOLIDAY',
  MAKEUP_WORKING_DAY = 'MAKEUP_WORKING_DAY',
  REGULAR = 'REGULAR',
}
registerEnumType(OfficialDayKind, {
  name: 'OfficialDayKind',
  description: 'What the official holiday arrangement (国务院办公厅节假日安排) makes of a day; any day not listed is a working day Monday to Friday and a rest day at the weekend.',
  valuesConfig: {
    PUBLIC_HOLIDAY: { description: 'A public holiday or bridging rest day (法定节假日/调休放假): not a working day.' },
    MAKEUP_WORKING_DAY: { description: 'A Saturday or Sunday worked to make up for a bridging day (调休上班): a working day.' },
    REGULAR: { description: 'In setOfficialCalendarDays only: remove the day’s entry, so it is an ordinary weekday or weekend day again.' },
  },
});

/** One day of the official calendar that is not what its weekday says. */
@ObjectType({ description: 'A day of China’s official calendar that differs from its weekday (节假日安排): a holiday, or a weekend working day.' })
export class OfficialCalendarDay {
  @Field(() => DateScalar, { description: 'The day.' })
  day: string;

  @Field(() => OfficialDayKind, { description: 'Holiday or make-up working day.' })
  kind: OfficialDayKind;

  @Field(() => String, { description: 'The occasion, e.g. 春节.' })
  name: string;

  @Field(() => DateTimeScalar, { description: 'When the entry was last set.' })
  updatedAt: Date;
}

@InputType({ description: 'One day of the official holiday arrangement.' })
export class OfficialCalendarDayInput {
  @Field(() => DateScalar, { description: 'The day.' })
  day: string;

  @Field(() => OfficialDayKind, { description: 'Holiday, make-up working day (a Saturday or Sunday), or REGULAR to remove the entry.' })
  kind: OfficialDayKind;

  @Field(() => String, { description: 'The occasion, 1–100 characters, e.g. 国庆节、中秋节.' })
  name: string;
}

@InputType({ description: 'Days of the official holiday arrangement to set, as the State Council publishes them each year.' })
export class SetOfficialCalendarDaysInput {
  @Field(() => [OfficialCalendarDayInput], { description: '1–100 days, each at most once.' })
  days: OfficialCalendarDayInput[];
}
