import type { ProcurementContext } from '../context';
import type { Institution } from './institution.entity';

/** `_entities` for Institution: the scoped loader, so a reference to an unseen institution resolves to null. */
export function resolveInstitutionReference(reference: { id: string }, ctx: ProcurementContext): Promise<Institution | null> {
  return ctx.loaders.institutionById.load(reference.id);
}
