import { Role } from '../../shared/auth/identity';
import type { Identity } from '../../shared/auth/identity';
import { regionChain, regionLikePattern } from '../../shared/region';

/**
 * Which bans a caller may see, as SQL over alias `b`: a regulator those of its region subtree and those
 * of the regions above it (they bind its region too); an institution those of its region and above
 * (those that bind it); an enterprise its own.
 */
export function banScope(identity: Identity, next: (value: unknown) => string): string {
  switch (identity.role) {
    case Role.REGULATOR:
      return `(b.region_code LIKE ${next(regionLikePattern(identity.region!))} OR b.region_code = ANY(${next(regionChain(identity.region!))}))`;
    case Role.INSTITUTION:
      return `b.region_code = ANY(${next(regionChain(identity.region!))})`;
    case Role.MANUFACTURER:
    case Role.DISTRIBUTOR:
      return `b.enterprise_id = ${next(identity.org)}`;
    default:
      return 'false';
  }
}

/** G-08: a ban of alias `b` in force on `day` (started, not ended, not lifted), as SQL. */
export function banInForceOn(day: string, next: (value: unknown) => string): string {
  const on = `${next(day)}::date`;
  return `b.starts_on <= ${on} AND b.ends_on >= ${on} AND (b.lifted_on IS NULL OR b.lifted_on > ${on})`;
}
