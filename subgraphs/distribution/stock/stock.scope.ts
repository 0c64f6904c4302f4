import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Role } from '../../shared/auth/identity';
import type { Identity } from '../../shared/auth/identity';
import { regionLikePattern } from '../../shared/region';

/**
 * Which enterprise reports (stock, capacity, production stops) a caller sees: an enterprise its own,
 * regulators those of regions in their jurisdiction (`regionColumn` is a text column or, for
 * production stops, a text[] of affected regions).
 */
export function scopeEnterpriseReports<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  identity: Identity,
  region: { column: string; isArray?: boolean },
): SelectQueryBuilder<T> {
  switch (identity.role) {
    case Role.MANUFACTURER:
    case Role.DISTRIBUTOR:
      return qb.andWhere(`${alias}.enterprise_id = :scopeOrg`, { scopeOrg: identity.org });
    case Role.REGULATOR:
      return region.isArray
        ? qb.andWhere(`EXISTS (SELECT 1 FROM unnest(${alias}.${region.column}) sr WHERE sr LIKE :scopePattern)`, { scopePattern: regionLikePattern(identity.region!) })
        : qb.andWhere(`${alias}.${region.column} LIKE :scopePattern`, { scopePattern: regionLikePattern(identity.region!) });
    default:
      return qb.andWhere('false');
  }
}
