import type { SelectQueryBuilder } from 'typeorm';
import { Role } from '../../shared/auth/identity';
import type { Identity } from '../../shared/auth/identity';
import { regionLikePattern } from '../../shared/region';
import type { Institution } from './institution.entity';

/**
 * Which institutions a caller may see, as a WHERE clause: regulators their region subtree, an institution
 * itself, enterprises the public directory entries (name, kind, region) of the institutions they serve,
 * which is any of them. Every read of institutions goes through this.
 */
export function scopeInstitutions(qb: SelectQueryBuilder<Institution>, alias: string, identity: Identity): SelectQueryBuilder<Institution> {
  switch (identity.role) {
    case Role.REGULATOR:
      return qb.andWhere(`${alias}.region_code LIKE :scopeRegion`, { scopeRegion: regionLikePattern(identity.region!) });
    case Role.INSTITUTION:
      return qb.andWhere(`${alias}.id = :scopeOrg`, { scopeOrg: identity.org });
    case Role.MANUFACTURER:
    case Role.DISTRIBUTOR:
      // The directory of public institutions is published; what enterprises may not do is list it
      // (the `institutions` query is closed to them), only resolve the ones their orders name.
      return qb;
    default:
      return qb.andWhere('false');
  }
}
