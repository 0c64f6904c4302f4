import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Role } from '../../shared/auth/identity';
import type { Identity } from '../../shared/auth/identity';
import { regionLikePattern } from '../../shared/region';
import { institutionsActedForBy } from '../medical-community/community.scope';

/**
 * Which orders a caller may see, as a WHERE clause on `purchase_order`: regulators their region subtree,
 * an institution its own (a medical community's lead unit also its members'), a distributor those it is to deliver, a manufacturer those with its products.
 */
export function scopeOrders<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, identity: Identity): SelectQueryBuilder<T> {
  switch (identity.role) {
    case Role.REGULATOR:
      return qb.andWhere(`${alias}.region_code LIKE :scopeRegion`, { scopeRegion: regionLikePattern(identity.region!) });
    case Role.INSTITUTION:
      return qb.andWhere(`${alias}.institution_id IN (${institutionsActedForBy(':scopeOrg')})`, { scopeOrg: identity.org });
    case Role.DISTRIBUTOR:
      return qb.andWhere(`${alias}.distributor_id = :scopeOrg`, { scopeOrg: identity.org });
    case Role.MANUFACTURER:
      return qb.andWhere(
        `EXISTS (SELECT 1 FROM procurement.order_line sl JOIN procurement.product sp ON sp.id = sl.product_id
                  WHERE sl.order_id = ${alias}.id AND sp.manufacturer_id = :scopeOrg)`,
        { scopeOrg: identity.org },
      );
    default:
      return qb.andWhere('false');
  }
}
