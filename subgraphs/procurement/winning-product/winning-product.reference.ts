import type { ProcurementContext } from '../context';
import type { WinningProduct } from './winning-product.entity';

/** `_entities` for WinningProduct: published, so the same loader as every other read. */
export function resolveWinningProductReference(reference: { id: string }, ctx: ProcurementContext): Promise<WinningProduct | null> {
  return ctx.loaders.winningProductById.load(reference.id);
}
