import type { DistributionContext } from '../context';
import type { Enterprise } from './enterprise.entity';

/** `_entities` for Enterprise (e.g. Product.manufacturer): the same batched loader as the enterprise query. */
export function resolveEnterpriseReference(reference: { id: string }, ctx: DistributionContext): Promise<Enterprise | null> {
  return ctx.loaders.enterpriseById.load(reference.id);
}
