import type { EntityManager } from 'typeorm';
import { fetchPolicyVersions, inherit, PolicyRow } from '../../shared/policy/jurisdiction-policy';

const POLICY_TABLE = 'insurance.jurisdiction_policy';

/** G-01, G-02, G-03 and I-05 as in force for one institution's region on one day, with their sources. */
export interface PrepaymentTerms {
  share: { value: string; regionCode: string; effectiveFrom: string; document: string } | null;
  deadline: { days: number; document: string } | null;
  recovery: { months: number; document: string } | null;
  continuesAfterCompletion: boolean;
}

/** The policy versions in force for a region on a day, nearest region first (empty: no policy at all). */
export async function policyVersionsOn(tx: Pick<EntityManager, 'query'>, regionCode: string, date: string): Promise<PolicyRow[]> {
  const [versions] = await fetchPolicyVersions(tx, POLICY_TABLE, [{ regionCode, date }]);
  return versions;
}

/** Reads the prepayment terms for an agreement of `kind` signed in `regionCode` on `date`. */
export async function prepaymentTerms(tx: Pick<EntityManager, 'query'>, regionCode: string, date: string, kind: string): Promise<PrepaymentTerms> {
  const versions = await policyVersionsOn(tx, regionCode, date);
  const share = inherit(versions, kind === 'CONSUMABLE' ? 'prepayment_share_consumables' : 'prepayment_share_drugs');
  const deadline = inherit(versions, 'prepayment_days');
  const recovery = inherit(versions, 'prepayment_leftover_recovery_months');
  const continuation = inherit(versions, 'prepayment_continues_after_completion');
  const column = kind === 'CONSUMABLE' ? 'prepayment_share_consumables' : 'prepayment_share_drugs';
  return {
    share: share ? { value: String(share.row[column]), ...share.source } : null,
    deadline: deadline ? { days: Number(deadline.row.prepayment_days), document: deadline.source.document } : null,
    recovery: recovery ? { months: Number(recovery.row.prepayment_leftover_recovery_months), document: recovery.source.document } : null,
    continuesAfterCompletion: continuation?.row.prepayment_continues_after_completion === true,
  };
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The last day of the month `months` months after the month of `date` (G-03: "within 2 months after the cycle ends"). */
export function endOfMonthsAfter(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months + 1, 0)).toISOString().slice(0, 10);
}
