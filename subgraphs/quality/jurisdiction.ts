import type { EntityManager } from 'typeorm';
import { Department, Identity, Role } from '../shared/auth/identity';
import { errors } from '../shared/errors';
import { regionChain, regionWithin } from '../shared/region';

/** The departments that supervise quality and supply (市场监管/药监, 卫健): they write. */
export const SUPERVISING_DEPARTMENTS: Department[] = [Department.MARKET_REGULATION, Department.HEALTH_COMMISSION];

/**
 * A regulator writes only inside its own jurisdiction: a record placed in another region is refused
 * before anything is read or written.
 */
export function requireJurisdiction(identity: Identity, regionCode: string): void {
  if (identity.role !== Role.REGULATOR || !regionWithin(regionCode, identity.region!)) {
    throw errors.forbidden(`Region ${regionCode} is outside the caller’s jurisdiction`);
  }
}

/**
 * Whether `asked` is a region the caller may ask a regional question about: a regulator its region and
 * below; an institution its own region and the regions above it (what affects it); an enterprise any
 * region when `enterprisesAnywhere` (its rows are then limited to its own).
 */
export function requireReadableRegion(identity: Identity, asked: string, enterprisesAnywhere = false): void {
  let allowed = false;
  if (identity.role === Role.REGULATOR) allowed = regionWithin(asked, identity.region!);
  else if (identity.role === Role.INSTITUTION) allowed = regionChain(identity.region!).includes(asked);
  else if (identity.role === Role.MANUFACTURER || identity.role === Role.DISTRIBUTOR) allowed = enterprisesAnywhere;
  if (!allowed) throw errors.forbidden(`Region ${asked} is outside the caller’s scope`);
}

/**
 * The enterprise must be in quality's copy of the register (distribution.EnterpriseRegistered.v1): an
 * unknown id is the caller's error, and nothing is written.
 */
export async function requireRegisteredEnterprise(tx: EntityManager, id: string, field: string): Promise<{ id: string; name: string }> {
  const [found] = await tx.query('SELECT id, name FROM quality.enterprise WHERE id = $1', [id]);
  if (!found) throw errors.badInput(`${field}: enterprise ${id} is not in the enterprise register`, { field });
  return found;
}

/** The province (PP0000) of a region code. */
export function provinceOf(regionCode: string): string {
  return `${regionCode.slice(0, 2)}0000`;
}
