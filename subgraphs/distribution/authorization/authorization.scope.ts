import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Role } from '../../shared/auth/identity';
import type { Identity } from '../../shared/auth/identity';
import { regionLikePattern } from '../../shared/region';

/**
 * Which authorisations a caller sees, as a WHERE clause: the manufacturer those it granted, the distributor
 * those it holds, an institution those whose area covers it, regulators those whose pooling region or area
 * overlaps their region.
 */
export function scopeAuthorizations<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, identity: Identity): SelectQueryBuilder<T> {
  switch (identity.role) {
    case Role.MANUFACTURER:
      return qb.andWhere(`${alias}.manufacturer_id = :scopeOrg`, { scopeOrg: identity.org });
    case Role.DISTRIBUTOR:
      return qb.andWhere(`${alias}.distributor_id = :scopeOrg`, { scopeOrg: identity.org });
    case Role.INSTITUTION:
      return qb.andWhere(`EXISTS (SELECT 1 FROM unnest(${alias}.coverage_region_codes) sc WHERE :scopeRegion LIKE distribution.region_prefix(sc) || '%')`, {
        scopeRegion: identity.region,
      });
    case Role.REGULATOR:
      // Its region holds the pooling region or a served area, or lies inside a served area (a district regulator of a city-wide area).
      return qb.andWhere(
        `(${alias}.pooling_region_code LIKE :scopePattern
          OR EXISTS (SELECT 1 FROM unnest(${alias}.coverage_region_codes) sc WHERE sc LIKE :scopePattern OR :scopeRegion LIKE distribution.region_prefix(sc) || '%'))`,
        { scopePattern: regionLikePattern(identity.region!), scopeRegion: identity.region },
      );
    default:
      return qb.andWhere('false');
  }
}
