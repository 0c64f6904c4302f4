import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { Role } from '../../shared/auth/identity';
import type { Identity } from '../../shared/auth/identity';
import { regionLikePattern } from '../../shared/region';
import { institutionsActedForBy } from '../medical-community/community.scope';
import { Institution } from './institution.entity';

/**
 * Which institutions a caller may see, as a WHERE clause: regulators their region subtree, an institution
 * itself (a medical community's lead unit also its members, P-06), enterprises the public directory
 * entries (name, kind, region) of the institutions they serve, which is any of them. Every read of institutions goes through this.
 */
export function scopeInstitutions(qb: SelectQueryBuilder<Institution>, alias: string, identity: Identity): SelectQueryBuilder<Institution> {
  switch (identity.role) {
    case Role.REGULATOR:
      return qb.andWhere(`${alias}.region_code LIKE :scopeRegion`, { scopeRegion: regionLikePattern(identity.region!) });
    case Role.INSTITUTION:
      return qb.andWhere(`${alias}.id IN (${institutionsActedForBy(':scopeOrg')})`, { scopeOrg: identity.org });
    case Role.MANUFACTURER:
    case Role.DISTRIBUTOR:
      // The directory of public institutions is published; what enterprises may not do is list it
      // (the `institutions` query is closed to them), only resolve the ones their orders name.
      return qb;
    default:
      return qb.andWhere('false');
  }
}

/** Institutions by id as `identity` may see them, read through `manager` (inside a transaction: on its connection). */
export async function visibleInstitutions(manager: EntityManager, identity: Identity, ids: string[]): Promise<Map<string, Institution>> {
  const qb = manager.getRepository(Institution).createQueryBuilder('i').where('i.id = ANY(:ids)', { ids });
  const rows = await scopeInstitutions(qb, 'i', identity).getMany();
  return new Map(rows.map((i) => [i.id, i]));
}
