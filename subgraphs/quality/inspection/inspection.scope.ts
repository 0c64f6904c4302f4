import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Role } from '../../shared/auth/identity';
import type { Identity } from '../../shared/auth/identity';
import { regionLikePattern } from '../../shared/region';

/**
 * Which inspections a caller may see, as a WHERE clause: regulators those sampled in their region subtree,
 * a manufacturer those of its own products, an institution or distributor those sampled on its premises.
 */
export function scopeInspections<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, identity: Identity): SelectQueryBuilder<T> {
  switch (identity.role) {
    case Role.REGULATOR:
      return qb.andWhere(`${alias}.region_code LIKE :scopeRegion`, { scopeRegion: regionLikePattern(identity.region!) });
    case Role.MANUFACTURER:
      return qb.andWhere(`${alias}.manufacturer_id = :scopeOrg`, { scopeOrg: identity.org });
    case Role.INSTITUTION:
    case Role.DISTRIBUTOR:
      return qb.andWhere(`${alias}.sampled_at_org_id = :scopeOrg`, { scopeOrg: identity.org });
    default:
      return qb.andWhere('false');
  }
}

