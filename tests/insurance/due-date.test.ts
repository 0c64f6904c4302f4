import { settlementDueDate } from '../../subgraphs/insurance/settlement/due-date';

describe('G-04 payment due dates', () => {
  it('G-04 Shaoguan: 30 days after accepted delivery', () => {
    expect(settlementDueDate('2026-01-15', { basis: 'DAYS_AFTER_ACCEPTANCE', days: 30 })).toBe('2026-02-14');
  });

  it('G-04 Guichi: 30 days after acceptance and invoice (invoice taken as filed at acceptance)', () => {
    expect(settlementDueDate('2026-12-20', { basis: 'DAYS_AFTER_ACCEPTANCE_AND_INVOICE', days: 30 })).toBe('2027-01-19');
  });

  it.each([
    ['2026-01-31', '2026-02-28'],
    ['2024-01-10', '2024-02-29'],
    ['2026-12-01', '2027-01-31'],
    ['2026-02-28', '2026-03-31'],
  ])('G-04 Shanxi: accepted %s → by the end of the following month, %s', (accepted, due) => {
    expect(settlementDueDate(accepted, { basis: 'END_OF_FOLLOWING_MONTH', days: null })).toBe(due);
  });

  it('refuses a days-based term without its days', () => {
    expect(() => settlementDueDate('2026-01-01', { basis: 'DAYS_AFTER_ACCEPTANCE', days: null })).toThrow(/G-04/);
  });
});
