import DataLoader from 'dataloader';
import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { errors } from '../../shared/errors';
import type { ProcurementContext } from '../context';
import { Product } from '../product/product.entity';

/** Anything that runs SQL: a EntityManager or a transaction's EntityManager. */
interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Manufacturers with an evaluated product of one generic name from which the others are no longer selected. */
export const P10_MANUFACTURER_THRESHOLD = 3;

/**
 * P-10 (Shaoguan plan: 通过一致性评价的生产企业达到3家以上的，在确保供应的情况下，药品集中采购中不再选用未通过一致性评价的品种):
 * for each asked drug that did not pass consistency evaluation, the number of manufacturers whose
 * product of the same generic name did pass, when that number is 3 or more. Counted in SQL.
 */
export async function unselectableDrugs(db: Queryable, productIds: readonly string[]): Promise<Map<string, number>> {
  const rows: Array<{ id: string; evaluated_manufacturers: number }> = await db.query(
    `SELECT p.id, count(DISTINCT e.manufacturer_id)::int AS evaluated_manufacturers
       FROM procurement.product p
       JOIN procurement.product e ON e.generic_name = p.generic_name AND e.kind = 'DRUG' AND e.passed_consistency_evaluation
      WHERE p.id = ANY($1) AND p.kind = 'DRUG' AND NOT p.passed_consistency_evaluation
      GROUP BY p.id
     HAVING count(DISTINCT e.manufacturer_id) >= $2`,
    [productIds, P10_MANUFACTURER_THRESHOLD],
  );
  return new Map(rows.map((r) => [r.id, r.evaluated_manufacturers]));
}

/** placeOrder's P-10 check: refuses the first line whose product is no longer selected. */
export async function refuseUnselectable(db: Queryable, productIds: string[]): Promise<void> {
  const refused = await unselectableDrugs(db, productIds);
  const index = productIds.findIndex((id) => refused.has(id));
  if (index >= 0) {
    throw errors.badInput(
      `P-10: product ${productIds[index]} did not pass consistency evaluation and ${refused.get(productIds[index])} manufacturers of its generic name did; it is no longer selected`,
      { field: `lines[${index}].productId`, rule: 'P-10' },
    );
  }
}

@ObjectType({ description: 'Whether a product may still be selected for purchase (P-10), and why not.' })
export class ProductSelection {
  @Field(() => Boolean, { description: 'False when P-10 excludes it: a drug that did not pass consistency evaluation (一致性评价) while 3 or more manufacturers of its generic name did.' })
  selectable: boolean;

  @Field(() => String, { nullable: true, description: 'Why it is not selectable, naming the rule; null when it is.' })
  reason: string | null;
}

/** Product selectability, batched per request. */
export function createProductSelectionLoader(db: EntityManager): DataLoader<string, ProductSelection> {
  return new DataLoader(async (ids: readonly string[]) => {
    const refused = await unselectableDrugs(db, ids);
    return ids.map((id) =>
      refused.has(id)
        ? { selectable: false, reason: `P-10: not evaluated for consistency while ${refused.get(id)} manufacturers of its generic name are (不再选用未通过一致性评价的品种)` }
        : { selectable: true, reason: null },
    );
  });
}

@Resolver(() => Product)
export class ProductSelectionResolver {
  @FieldResolver(() => ProductSelection, { description: 'Whether the product may still be selected in procurement (P-10).' })
  selection(@Root() product: Product, @Ctx() ctx: ProcurementContext) {
    return ctx.loaders.productSelection.load(product.id);
  }
}
