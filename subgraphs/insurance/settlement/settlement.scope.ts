import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Role } from '../../shared/auth/identity';
import type { Identity } from '../../shared/auth/identity';
import { regionLikePattern } from '../../shared/region';

/**
 * Which payables a caller may see, as a WHERE clause: an institution its own payables, an enterprise its
 * own receivables, insurance and finance regulators their region subtree (the rule admits no one else).
 */
export function scopeSettlements<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, identity: Identity): SelectQueryBuilder<T> {
  switch (identity.role) {
    case Role.REGULATOR:
      return qb.andWhere(`${alias}.region_code LIKE :scopeRegion`, { scopeRegion: regionLikePattern(identity.region!) });
    case Role.INSTITUTION:
      return qb.andWhere(`${alias}.institution_id = :scopeOrg`, { scopeOrg: identity.org });
    case Role.MANUFACTURER:
    case Role.DISTRIBUTOR:
      return qb.andWhere(`${alias}.enterprise_id = :scopeOrg`, { scopeOrg: identity.org });
    default:
      return qb.andWhere('false');
  }
}
