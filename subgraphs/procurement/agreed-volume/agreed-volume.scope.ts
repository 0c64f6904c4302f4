import { Role } from '../../shared/auth/identity';
import type { Identity } from '../../shared/auth/identity';
import { regionLikePattern } from '../../shared/region';
import { institutionsActedForBy } from '../medical-community/community.scope';

/**
 * Which agreed volumes (and their completion) a caller may see, as SQL on `av` with the caller's key as
 * the parameter `param`: regulators their region subtree; an institution its own, a community lead unit
 * also its members'; a manufacturer those of its own winning products. Distributors see none here: what
 * they need (coverage of participating institutions, D-02) reaches distribution by AgreedVolumeSet events.
 */
export function agreedVolumeScope(identity: Identity, param: string): { clause: string; value: string } {
  switch (identity.role) {
    case Role.REGULATOR:
      return { clause: `av.region_code LIKE ${param}`, value: regionLikePattern(identity.region!) };
    case Role.INSTITUTION:
      return { clause: `av.institution_id IN (${institutionsActedForBy(`${param}::uuid`)})`, value: identity.org! };
    case Role.MANUFACTURER:
      return { clause: `av.winning_product_id IN (SELECT sw.id FROM procurement.winning_product sw WHERE sw.manufacturer_id = ${param}::uuid)`, value: identity.org! };
    default:
      return { clause: `(false AND ${param}::text IS NULL)`, value: '' };
  }
}
