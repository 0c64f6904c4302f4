import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Role } from '../../shared/auth/identity';
import type { Identity } from '../../shared/auth/identity';
import { regionLikePattern } from '../../shared/region';

/**
 * Which deliveries a caller may see, as a WHERE clause: the distributor its own, the institution those to
 * it, a manufacturer those carrying its products, regulators their region subtree.
 */
export function scopeDeliveries<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, identity: Identity): SelectQueryBuilder<T> {
  switch (identity.role) {
    case Role.REGULATOR:
      return qb.andWhere(`${alias}.region_code LIKE :scopeRegion`, { scopeRegion: regionLikePattern(identity.region!) });
    case Role.DISTRIBUTOR:
      return qb.andWhere(`${alias}.distributor_id = :scopeOrg`, { scopeOrg: identity.org });
    case Role.INSTITUTION:
      return qb.andWhere(`${alias}.institution_id = :scopeOrg`, { scopeOrg: identity.org });
    case Role.MANUFACTURER:
      return qb.andWhere(
        `EXISTS (SELECT 1 FROM distribution.order_line_copy sl WHERE sl.order_id = ${alias}.order_id AND sl.manufacturer_id = :scopeOrg)`,
        { scopeOrg: identity.org },
      );
    default:
      return qb.andWhere('false');
  }
}
