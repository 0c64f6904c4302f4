import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Department, Role } from '../../shared/auth/identity';
import type { Identity } from '../../shared/auth/identity';
import { regionLikePattern } from '../../shared/region';

/**
 * Which prepayments a caller may see, as a WHERE clause: an institution its own, medical-insurance and
 * finance regulators their region subtree; everyone else none (other departments see aggregates only).
 */
export function scopePrepayments<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, identity: Identity): SelectQueryBuilder<T> {
  switch (identity.role) {
    case Role.REGULATOR:
      if (identity.department !== Department.MEDICAL_INSURANCE && identity.department !== Department.FINANCE) return qb.andWhere('false');
      return qb.andWhere(`${alias}.region_code LIKE :scopeRegion`, { scopeRegion: regionLikePattern(identity.region!) });
    case Role.INSTITUTION:
      return qb.andWhere(`${alias}.institution_id = :scopeOrg`, { scopeOrg: identity.org });
    default:
      return qb.andWhere('false');
  }
}
