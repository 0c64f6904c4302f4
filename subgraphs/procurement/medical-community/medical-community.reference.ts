import type { ProcurementContext } from '../context';
import type { MedicalCommunity } from './medical-community.entity';

/** `_entities` for MedicalCommunity: the scoped loader, so an unseen community resolves to null. */
export function resolveMedicalCommunityReference(reference: { id: string }, ctx: ProcurementContext): Promise<MedicalCommunity | null> {
  return ctx.loaders.medicalCommunityById.load(reference.id);
}
