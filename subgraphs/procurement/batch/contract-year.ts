import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../shared/graphql/scalars';
import { fetchPolicyVersions, inherit, PolicySource } from '../../shared/policy/jurisdiction-policy';
import { ContractRenewalRule } from '../policy/jurisdiction-policy.type';

/** One agreement year inside a batch's cycle (P-02), renewed as G-10 says. */
@ObjectType({ description: 'A contract year (协议年度) inside a batch’s cycle: one tripartite agreement each (P-02, Shanxi), renewed per G-10.' })
export class ContractYear {
  @Field(() => DateScalar, { description: 'First day of the contract year.' })
  start: string;

  @Field(() => DateScalar, { description: 'Last day of the contract year (never after the cycle’s end).' })
  end: string;

  @Field(() => DateScalar, { nullable: true, description: 'The renewal date (续约续签时间) that starts the next contract year; null for the last year of the cycle.' })
  renewsOn: string | null;

  @Field(() => ContractRenewalRule, { description: 'The G-10 rule these years follow in the region asked about.' })
  renewalRule: ContractRenewalRule;

  @Field(() => PolicySource, { nullable: true, description: 'The policy that set the rule; null when no region up the chain sets one and anniversaries apply.' })
  source: PolicySource | null;
}

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y, m, d];
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return isoDate(Date.UTC(y, m - 1, d) + days * 86_400_000);
}

function addYears(date: string, years: number): string {
  const [y, m, d] = parts(date);
  return isoDate(Date.UTC(y + years, m - 1, d));
}

/**
 * The first renewal date. G-10 (Shanxi notice, seed 003): a winning product that started in the first
 * half of a year renews on 1 July, one started in the second half on 1 January of the year after that;
 * until then the winner keeps supplying at the original price, so the first agreement runs long rather
 * than short. Without that rule, agreements renew on their anniversary.
 */
function firstRenewal(cycleStart: string, rule: ContractRenewalRule): string {
  const [year, month] = parts(cycleStart);
  if (rule === ContractRenewalRule.CONTRACT_ANNIVERSARY) return addYears(cycleStart, 1);
  return month <= 6 ? `${year + 1}-07-01` : `${year + 2}-01-01`;
}

/** The contract years of a cycle under `rule`: the first up to the first renewal, then whole years, the last cut at the cycle's end. */
export function contractYearsOf(cycleStart: string, cycleEnd: string, rule: ContractRenewalRule): Array<Omit<ContractYear, 'renewalRule' | 'source'>> {
  const years: Array<Omit<ContractYear, 'renewalRule' | 'source'>> = [];
  let start = cycleStart;
  let renewal = firstRenewal(cycleStart, rule);
  while (start <= cycleEnd) {
    const dayBefore = addDays(renewal, -1);
    const end = dayBefore < cycleEnd ? dayBefore : cycleEnd;
    years.push({ start, end, renewsOn: renewal <= cycleEnd ? renewal : null });
    start = renewal;
    renewal = addYears(renewal, 1);
  }
  return years;
}

/** Anything that runs SQL. */
interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** G-10 in force in a region when a cycle started, inherited up the region chain; anniversaries when none is set. */
export async function renewalRuleFor(db: Queryable, regionCode: string, on: string): Promise<{ rule: ContractRenewalRule; source: PolicySource | null }> {
  const [versions] = await fetchPolicyVersions(db, 'procurement.jurisdiction_policy', [{ regionCode, date: on }]);
  const g = inherit(versions, 'contract_renewal');
  return g ? { rule: g.row.contract_renewal as ContractRenewalRule, source: g.source } : { rule: ContractRenewalRule.CONTRACT_ANNIVERSARY, source: null };
}

/** The contract years of a batch's cycle for institutions of `regionCode`. */
export async function contractYearsIn(db: Queryable, regionCode: string, cycleStart: string, cycleEnd: string): Promise<ContractYear[]> {
  const { rule, source } = await renewalRuleFor(db, regionCode, cycleStart);
  return contractYearsOf(cycleStart, cycleEnd, rule).map((y) => ({ ...y, renewalRule: rule, source }));
}

/** The contract year containing `day`, or undefined when it lies outside the cycle. */
export function contractYearContaining<T extends { start: string; end: string }>(years: T[], day: string): T | undefined {
  return years.find((y) => y.start <= day && day <= y.end);
}

export { addDays, addYears };
