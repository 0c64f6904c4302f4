import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { Identity } from '../../shared/auth/identity';
import { Inspection } from './inspection.entity';
import { scopeInspections } from './inspection.scope';

/** Inspections by id within the caller's scope: an unseen one loads as null, like a missing one. */
export function createInspectionLoader(db: EntityManager, identity: Identity | undefined): DataLoader<string, Inspection | null> {
  return new DataLoader(async (ids: readonly string[]) => {
    if (!identity) return ids.map(() => null);
    const qb = db.getRepository(Inspection).createQueryBuilder('i').where('i.id = ANY(:ids)', { ids });
    const rows = await scopeInspections(qb, 'i', identity).getMany();
    const byId = new Map(rows.map((i) => [i.id, i]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/**
 * The latest `limit` inspections of each product asked for, within the caller's scope: one query for
 * the whole list of products (a window function keeps `limit` per product).
 */
export function createLatestInspectionsLoader(db: EntityManager, identity: Identity | undefined) {
  const byLimit = new Map<number, DataLoader<string, Inspection[]>>();
  return (limit: number): DataLoader<string, Inspection[]> => {
    let loader = byLimit.get(limit);
    if (!loader) {
      loader = new DataLoader(async (productIds: readonly string[]) => {
        if (!identity) return productIds.map(() => []);
        const ranked = scopeInspections(
          db
            .getRepository(Inspection)
            .createQueryBuilder('i')
            .select('i.id', 'id')
            .addSelect('row_number() OVER (PARTITION BY i.product_id ORDER BY i.sampled_on DESC, i.id)', 'rank')
            .where('i.product_id = ANY(:productIds)', { productIds }),
          'i',
          identity,
        );
        const rows = await db
          .getRepository(Inspection)
          .createQueryBuilder('x')
          .innerJoin(`(${ranked.getQuery()})`, 'r', 'r.id = x.id')
          .where('r.rank <= :limit', { limit })
          .setParameters(ranked.getParameters())
          .orderBy('x.sampled_on', 'DESC')
          .addOrderBy('x.id')
          .getMany();
        return productIds.map((id) => rows.filter((r) => r.productId === id));
      });
      byLimit.set(limit, loader);
    }
    return loader;
  };
}
