import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { Enterprise } from './enterprise.entity';

/** Enterprises by id, batched per request. The directory (name, code, region) is public to every persona. */
export function createEnterpriseLoader(db: EntityManager): DataLoader<string, Enterprise | null> {
  return new DataLoader(async (ids: readonly string[]) => {
    const rows = await db.getRepository(Enterprise).createQueryBuilder('e').where('e.id = ANY(:ids)', { ids }).getMany();
    const byId = new Map(rows.map((e) => [e.id, e]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
