import { CreditGrade, CreditSeverity } from './credit.entity';

/**
 * Q-04's rating rule. Guangdong 2025 says ratings rest on court judgements and administrative penalties
 * and that bad records are managed dynamically (不良记录动态管理), but sets no numbers; these are the
 * hub's own, stated here and in the API: a record counts from its decision date for a period set by
 * its severity, and the grade is the severity of the worst record counting on the date.
 */
export const YEARS_COUNTED: Record<CreditSeverity, number> = {
  [CreditSeverity.GENERAL]: 1,
  [CreditSeverity.MEDIUM]: 2,
  [CreditSeverity.SERIOUS]: 3,
  [CreditSeverity.PARTICULARLY_SERIOUS]: 5,
};

export const RATING_RULE =
  'Q-04 (hub rule; Guangdong 2025 sets no numbers): a bad record counts from its decision date for 1 year (GENERAL), 2 (MEDIUM), 3 (SERIOUS) or 5 (PARTICULARLY_SERIOUS); the grade is the severity of the worst record counting on the date, CREDITWORTHY when none counts.';

const ORDER = [CreditSeverity.GENERAL, CreditSeverity.MEDIUM, CreditSeverity.SERIOUS, CreditSeverity.PARTICULARLY_SERIOUS];

/** The last day a record decided on `decidedOn` counts. */
export function countsUntil(decidedOn: string, severity: CreditSeverity): string {
  const [y, m, d] = decidedOn.split('-').map(Number);
  return new Date(Date.UTC(y + YEARS_COUNTED[severity], m - 1, d) - 86_400_000).toISOString().slice(0, 10);
}

/** The grade on `on` from an enterprise's records: deterministic, order-independent. */
export function rate(records: Array<{ severity: CreditSeverity; decidedOn: string }>, on: string): { grade: CreditGrade; counting: number } {
  const counting = records.filter((r) => r.decidedOn <= on && countsUntil(r.decidedOn, r.severity) >= on);
  const worst = counting.reduce((w, r) => Math.max(w, ORDER.indexOf(r.severity)), -1);
  return { grade: worst < 0 ? CreditGrade.CREDITWORTHY : (ORDER[worst] as unknown as CreditGrade), counting: counting.length };
}
