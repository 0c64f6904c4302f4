import { errors } from '../../shared/errors';

/** G-04 as one region's policy states it. */
export interface PaymentTerm {
  basis: 'DAYS_AFTER_ACCEPTANCE' | 'DAYS_AFTER_ACCEPTANCE_AND_INVOICE' | 'END_OF_FOLLOWING_MONTH';
  days: number | null;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function endOfFollowingMonth(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  // Day 0 of the month after next is the last day of the next month.
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 2, 0)).toISOString().slice(0, 10);
}

/**
 * G-04: the last day the institution may pay for a delivery accepted on `acceptedOn`.
 * The invoice is taken as filed on the day of acceptance (the platform records no separate invoice
 * date yet), so both "days after" bases count from acceptance.
 */
export function settlementDueDate(acceptedOn: string, term: PaymentTerm): string {
  switch (term.basis) {
    case 'DAYS_AFTER_ACCEPTANCE':
    case 'DAYS_AFTER_ACCEPTANCE_AND_INVOICE':
      if (!term.days || term.days < 1) throw errors.badInput(`G-04 term ${term.basis} needs a number of days`, { rule: 'G-04' });
      return addDays(acceptedOn, term.days);
    case 'END_OF_FOLLOWING_MONTH':
      return endOfFollowingMonth(acceptedOn);
    default:
      throw errors.badInput(`Unknown G-04 payment term basis ${String((term as PaymentTerm).basis)}`, { rule: 'G-04' });
  }
}
