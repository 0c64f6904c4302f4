import type { EntityManager } from 'typeorm';
import { errors } from '../../shared/errors';
import { pageRequest, PageInput, toPage } from '../../shared/graphql/pagination';
import { parseIsoDate } from '../../shared/graphql/scalars';
import { NATIONAL_REGION } from '../../shared/region';
import type { ProcurementContext } from '../context';
import { requireCleanText } from '../../shared/validation';
import { OfficialCalendarDay, OfficialDayKind, SetOfficialCalendarDaysInput } from './official-calendar.entity';

const COLUMNS = `day::text AS day, kind, name, updated_at AS "updatedAt"`;

/** Anything that runs SQL. */
interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * The `workingDays`-th working day after `from` on the official calendar (G-06 counts from the day after
 * the purchase): weekdays and make-up working days count, weekends and public holidays do not.
 */
export async function workingDaysAfter(db: Queryable, from: string, workingDays: number): Promise<string> {
  const [row] = await db.query(
    `SELECT d::date::text AS day
       FROM generate_series($1::date + 1, $1::date + 2 * $2::int + 60, interval '1 day') d
       LEFT JOIN procurement.official_calendar_day c ON c.day = d::date
      WHERE CASE c.kind WHEN 'MAKEUP_WORKING_DAY' THEN true WHEN 'PUBLIC_HOLIDAY' THEN false ELSE extract(isodow FROM d) < 6 END
      ORDER BY d OFFSET $2::int - 1 LIMIT 1`,
    [from, workingDays],
  );
  return row.day;
}

function validate(input: SetOfficialCalendarDaysInput) {
  if (!Array.isArray(input.days) || input.days.length < 1 || input.days.length > 100) throw errors.badInput('days holds 1 to 100 days', { field: 'days' });
  const days = input.days.map((d, i) => {
    const day = parseIsoDate(d.day);
    if (!Object.values(OfficialDayKind).includes(d.kind)) throw errors.badInput('kind is not an OfficialDayKind', { field: `days[${i}].kind` });
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (d.kind === OfficialDayKind.MAKEUP_WORKING_DAY && weekday !== 0 && weekday !== 6) {
      throw errors.badInput(`${day} is a weekday; only a Saturday or Sunday can be a make-up working day`, { field: `days[${i}].kind` });
    }
    return { day, kind: d.kind, name: requireCleanText(d.name, `days[${i}].name`, 100) };
  });
  if (new Set(days.map((d) => d.day)).size !== days.length) throw errors.badInput('Each day may appear once', { field: 'days' });
  return days;
}

/**
 * G-06's calendar is data: the national medical-insurance regulator (the platform's operator at 000000)
 * records each year's holiday arrangement; REGULAR removes an entry. Returns the days as now set.
 */
export async function setOfficialCalendarDays(ctx: ProcurementContext, input: SetOfficialCalendarDaysInput): Promise<OfficialCalendarDay[]> {
  const days = validate(input);
  if (ctx.identity!.region !== NATIONAL_REGION) throw errors.forbidden('The official calendar is kept by the national medical-insurance regulator (000000)');
  return ctx.db.transaction(async (tx: EntityManager) => {
    const set = days.filter((d) => d.kind !== OfficialDayKind.REGULAR);
    const cleared = days.filter((d) => d.kind === OfficialDayKind.REGULAR).map((d) => d.day);
    if (cleared.length > 0) await tx.query('DELETE FROM procurement.official_calendar_day WHERE day = ANY($1::date[])', [cleared]);
    if (set.length > 0) {
      await tx.query(
        `INSERT INTO procurement.official_calendar_day (day, kind, name, updated_by)
         SELECT d.day, d.kind, d.name, $2 FROM jsonb_to_recordset($1::jsonb) AS d(day date, kind text, name text)
         ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [JSON.stringify(set), ctx.identity!.subject],
      );
    }
    ctx.log.info({ set: set.length, cleared: cleared.length }, 'official calendar updated');
    return tx.query(`SELECT ${COLUMNS} FROM procurement.official_calendar_day WHERE day = ANY($1::date[]) ORDER BY day`, [set.map((d) => d.day)]);
  });
}

/** The calendar's entries of one year, by day. */
export async function listOfficialCalendar(ctx: ProcurementContext, year: number, page: PageInput | undefined) {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw errors.badInput('year must be from 2000 to 2100', { field: 'year' });
  const request = pageRequest(page);
  const after = request.afterKey ? parseIsoDate(request.afterKey) : `${year - 1}-12-31`;
  const rows: OfficialCalendarDay[] = await ctx.db.query(
    `SELECT ${COLUMNS} FROM procurement.official_calendar_day
      WHERE day > $1::date AND day <= make_date($2, 12, 31) AND day >= make_date($2, 1, 1) ORDER BY day LIMIT $3`,
    [after, year, request.limit + 1],
  );
  return toPage(rows, request, (d) => d.day);
}
