import type { ProcurementContext } from '../context';
import type { Batch } from './batch.entity';

/** `_entities` for Batch: published, so the same loader as the batch query. */
export function resolveBatchReference(reference: { id: string }, ctx: ProcurementContext): Promise<Batch | null> {
  return ctx.loaders.batchById.load(reference.id);
}
