import { Arg, Ctx, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Connection, PageInput } from '../../shared/graphql/pagination';
import type { ProcurementContext } from '../context';
import { OfficialCalendarDay, SetOfficialCalendarDaysInput } from './official-calendar.entity';
import { listOfficialCalendar, setOfficialCalendarDays } from './official-calendar.service';

@ObjectType({ description: 'A page of official calendar days.' })
export class OfficialCalendarDayConnection extends Connection(OfficialCalendarDay, 'The days of this page, in date order.') {}

@Resolver(() => OfficialCalendarDay)
export class OfficialCalendarResolver {
  @Query(() => OfficialCalendarDayConnection, { description: 'The official holiday arrangement of a year (节假日安排): holidays and weekend working days; G-06 counts working days on it.' })
  officialCalendar(
    @Ctx() ctx: ProcurementContext,
    @Arg('year', () => Int, { description: 'The calendar year.' }) year: number,
    @Arg('page', () => PageInput, { nullable: true, description: 'Which page; default the first 20.' }) page?: PageInput,
  ) {
    return listOfficialCalendar(ctx, year, page);
  }

  @Mutation(() => [OfficialCalendarDay], { description: 'Sets days of the official holiday arrangement (national medical-insurance regulator, 000000); returns the days set.' })
  setOfficialCalendarDays(@Ctx() ctx: ProcurementContext, @Arg('input', () => SetOfficialCalendarDaysInput, { description: 'The days.' }) input: SetOfficialCalendarDaysInput) {
    return setOfficialCalendarDays(ctx, input);
  }
}
