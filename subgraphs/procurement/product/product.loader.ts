import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { Product } from './product.entity';

/** Products by id, one query per request tick. The catalogue is public to every persona, so it is not row-scoped. */
export function createProductLoader(db: EntityManager): DataLoader<string, Product | null> {
  return new DataLoader(async (ids: readonly string[]) => {
    const rows = await db.getRepository(Product).createQueryBuilder('p').where('p.id = ANY(:ids)', { ids }).getMany();
    const byId = new Map(rows.map((p) => [p.id, p]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
