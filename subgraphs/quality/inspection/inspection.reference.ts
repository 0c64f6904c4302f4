import type { QualityContext } from '../context';
import type { Inspection } from './inspection.entity';

/** `_entities` for Inspection: the scoped loader, so a reference to an unseen inspection resolves to null. */
export function resolveInspectionReference(reference: { id: string }, ctx: QualityContext): Promise<Inspection | null> {
  return ctx.loaders.inspectionById.load(reference.id);
}
