import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { Identity } from '../../shared/auth/identity';
import { Institution } from './institution.entity';
import { scopeInstitutions } from './institution.scope';

/** Institutions by id, as far as the caller may see them: an invisible one loads as null, like a missing one. */
export function createInstitutionLoader(db: EntityManager, identity: Identity | undefined): DataLoader<string, Institution | null> {
  return new DataLoader(async (ids: readonly string[]) => {
    if (!identity) return ids.map(() => null);
    const qb = db.getRepository(Institution).createQueryBuilder('i').where('i.id = ANY(:ids)', { ids });
    const rows = await scopeInstitutions(qb, 'i', identity).getMany();
    const byId = new Map(rows.map((i) => [i.id, i]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
