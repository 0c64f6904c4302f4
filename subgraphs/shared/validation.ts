import { errors } from './errors';
import { isRegionCode } from './region';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Checks an id argument before it reaches SQL, so a malformed one is the caller's error, not the database's. */
export function requireId(value: string, field = 'id'): string {
  if (typeof value !== 'string' || !UUID.test(value)) throw errors.badInput(`${field} must be a UUID`, { field });
  return value.toLowerCase();
}

export function requireRegionCode(value: string, field = 'regionCode'): string {
  if (typeof value !== 'string' || !isRegionCode(value)) {
    throw errors.badInput(`${field} must be a six-digit GB/T 2260 administrative division code`, { field });
  }
  return value;
}

/** Trims free text and bounds its length; empty after trimming is refused. */
export function requireText(value: string, field: string, maxLength = 200): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length === 0 || text.length > maxLength) {
    throw errors.badInput(`${field} must be 1 to ${maxLength} characters`, { field });
  }
  return text;
}
