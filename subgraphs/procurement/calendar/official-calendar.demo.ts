import type { EntityManager } from 'typeorm';
import { seedTable } from '../../shared/db/insert-rows';

/** Consecutive days from `from` to `to`, inclusive. */
function span(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d = new Date(d.getTime() + 86_400_000)) days.push(d.toISOString().slice(0, 10));
  return days;
}

const holiday = (name: string, from: string, to = from) => span(from, to).map((day) => ({ day, kind: 'PUBLIC_HOLIDAY', name }));
const workday = (name: string, ...days: string[]) => days.map((day) => ({ day, kind: 'MAKEUP_WORKING_DAY', name }));

/**
 * The State Council's arrangements: 2025 (国办发明电〔2024〕12号) and 2026 (国务院办公厅关于2026年部分节假日安排的通知,
 * 2025-11-04). Later years are added by the operator with setOfficialCalendarDays.
 */
export const OFFICIAL_CALENDAR = [
  ...holiday('元旦', '2025-01-01'),
  ...holiday('春节', '2025-01-28', '2025-02-04'),
  ...workday('春节调休上班', '2025-01-26', '2025-02-08'),
  ...holiday('清明节', '2025-04-04', '2025-04-06'),
  ...holiday('劳动节', '2025-05-01', '2025-05-05'),
  ...workday('劳动节调休上班', '2025-04-27'),
  ...holiday('端午节', '2025-05-31', '2025-06-02'),
  ...holiday('国庆节、中秋节', '2025-10-01', '2025-10-08'),
  ...workday('国庆节调休上班', '2025-09-28', '2025-10-11'),
  ...holiday('元旦', '2026-01-01', '2026-01-03'),
  ...workday('元旦调休上班', '2026-01-04'),
  ...holiday('春节', '2026-02-15', '2026-02-23'),
  ...workday('春节调休上班', '2026-02-14', '2026-02-28'),
  ...holiday('清明节', '2026-04-04', '2026-04-06'),
  ...holiday('劳动节', '2026-05-01', '2026-05-05'),
  ...workday('劳动节调休上班', '2026-05-09'),
  ...holiday('端午节', '2026-06-19', '2026-06-21'),
  ...holiday('中秋节', '2026-09-25', '2026-09-27'),
  ...holiday('国庆节', '2026-10-01', '2026-10-07'),
  ...workday('国庆节调休上班', '2026-09-20', '2026-10-10'),
];

/** The official calendar's demo (and real) 2025–2026 entries. */
export function seedOfficialCalendarDemo(tx: EntityManager): Promise<boolean> {
  return seedTable(tx, 'procurement.official_calendar_day', OFFICIAL_CALENDAR.map((d) => ({ ...d, updated_by: 'demo-national-insurance' })));
}
