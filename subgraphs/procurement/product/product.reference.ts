import type { ProcurementContext } from '../context';
import type { Product } from './product.entity';

/** `_entities` for Product: the same loader as the product query, so one request batches both. */
export function resolveProductReference(reference: { id: string }, ctx: ProcurementContext): Promise<Product | null> {
  return ctx.loaders.productById.load(reference.id);
}
