import { errors } from '../../shared/errors';

/**
 * D-06: a drug traceability code (药品追溯码) as printed on a pack is 20 digits. The seeds give no check
 * algorithm, so the shape is what is validated; uniqueness (one pack, one code) is the database's.
 */
const TRACEABILITY_CODE = /^[0-9]{20}$/;

export function requireTraceabilityCode(value: string, field = 'code'): string {
  if (typeof value !== 'string' || !TRACEABILITY_CODE.test(value)) {
    throw errors.badInput(`D-06: ${field} must be a traceability code of exactly 20 digits`, { field, rule: 'D-06' });
  }
  return value;
}
