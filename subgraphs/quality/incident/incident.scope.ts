import { Role } from '../../shared/auth/identity';
import type { Identity } from '../../shared/auth/identity';
import { regionLikePattern } from '../../shared/region';

/**
 * Which incidents a caller may see, as SQL over alias `i` with parameters from `next`: regulators those
 * in their region subtree; an enterprise those where it failed or substitutes.
 */
export function incidentScope(identity: Identity, next: (value: unknown) => string): string {
  switch (identity.role) {
    case Role.REGULATOR:
      return `i.region_code LIKE ${next(regionLikePattern(identity.region!))}`;
    case Role.MANUFACTURER:
    case Role.DISTRIBUTOR: {
      const org = next(identity.org);
      return `(i.enterprise_id = ${org} OR i.substitute_supplier_id = ${org})`;
    }
    default:
      return 'false';
  }
}
