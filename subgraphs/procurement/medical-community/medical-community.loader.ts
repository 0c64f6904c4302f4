import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { Role } from '../../shared/auth/identity';
import type { Identity } from '../../shared/auth/identity';
import { regionLikePattern } from '../../shared/region';
import { Institution } from '../institution/institution.entity';
import { scopeInstitutions } from '../institution/institution.scope';
import { MedicalCommunity, medicalCommunityFromRow, MedicalCommunityRow } from './medical-community.entity';

/**
 * Which communities a caller may see, as SQL on `c` with the caller's key as $2: regulators those of
 * their region subtree, an institution the one it belongs to; enterprises none.
 */
function communityScope(identity: Identity): { clause: string; value: string } {
  switch (identity.role) {
    case Role.REGULATOR:
      return { clause: 'c.region_code LIKE $2', value: regionLikePattern(identity.region!) };
    case Role.INSTITUTION:
      return { clause: 'c.id IN (SELECT i.medical_community_id FROM procurement.institution i WHERE i.id = $2::uuid)', value: identity.org! };
    default:
      return { clause: 'false AND $2::text IS NULL', value: '' };
  }
}

/** Medical communities by id within the caller's scope (an unseen one loads as null). */
export function createMedicalCommunityLoader(db: EntityManager, identity: Identity | undefined): DataLoader<string, MedicalCommunity | null> {
  return new DataLoader(async (ids: readonly string[]) => {
    if (!identity) return ids.map(() => null);
    const scope = communityScope(identity);
    const rows: MedicalCommunityRow[] = await db.query(
      `SELECT c.id, c.name, c.region_code, c.lead_institution_id FROM procurement.medical_community c WHERE c.id = ANY($1) AND ${scope.clause}`,
      [ids, scope.value],
    );
    const byId = new Map(rows.map((r) => [r.id, medicalCommunityFromRow(r)]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** The members of many communities, each list cut to what the caller may see of institutions. */
export function createCommunityMembersLoader(db: EntityManager, identity: Identity | undefined): DataLoader<string, Institution[]> {
  return new DataLoader(async (communityIds: readonly string[]) => {
    if (!identity) return communityIds.map(() => []);
    const qb = db.getRepository(Institution).createQueryBuilder('i').where('i.medical_community_id = ANY(:communityIds)', { communityIds }).orderBy('i.id');
    const rows = await scopeInstitutions(qb, 'i', identity).getMany();
    return communityIds.map((id) => rows.filter((i) => i.medicalCommunityId === id));
  });
}
