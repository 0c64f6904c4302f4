import { Department, Role } from '../../shared/auth/identity';
import type { Identity } from '../../shared/auth/identity';
import { regionLikePattern } from '../../shared/region';

/** Regulators who watch filed purchases and the online purchase rate: medical insurance (lead) and health. */
export const FILING_REGULATORS: Department[] = [Department.MEDICAL_INSURANCE, Department.HEALTH_COMMISSION];

/**
 * Which filed purchases a caller may see, as a SQL condition on `alias` with its parameter appended to
 * `params`: the institution its own, the insurance and health regulators their region subtree.
 */
export function scopeFiledPurchases(alias: string, identity: Identity, params: unknown[]): string {
  if (identity.role === Role.INSTITUTION) {
    params.push(identity.org);
    return `${alias}.institution_id = $${params.length}`;
  }
  if (identity.role === Role.REGULATOR && FILING_REGULATORS.includes(identity.department!)) {
    params.push(regionLikePattern(identity.region!));
    return `${alias}.region_code LIKE $${params.length}`;
  }
  return 'false';
}
