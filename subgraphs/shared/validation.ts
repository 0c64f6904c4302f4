import { createHash } from 'node:crypto';
import { errors } from './errors';
import { Money } from './graphql/scalars';
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

/** A quantity in the smallest unit: a whole number from 1 to `max`. */
export function requireQuantity(value: number, field: string, max = 1_000_000_000): number {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw errors.badInput(`${field} must be a whole number of units from 1 to ${max}`, { field });
  }
  return value;
}

/** A price or amount: an exact decimal greater than zero. */
export function requirePositiveAmount(value: string, field: string): InstanceType<typeof Money> {
  const amount = new Money(value);
  if (amount.lte(0)) throw errors.badInput(`${field} must be greater than zero`, { field });
  return amount;
}

/** A client's idempotency key: 8–128 visible ASCII characters. */
export function requireIdempotencyKey(value: string, field = 'idempotencyKey'): string {
  if (typeof value !== 'string' || !/^[\x21-\x7e]{8,128}$/.test(value)) {
    throw errors.badInput(`${field} must be 8 to 128 visible ASCII characters`, { field });
  }
  return value;
}

/** A stable fingerprint of a request body, to tell a retry from a different request under the same key. */
export function requestHash(input: unknown): string {
  const canonical = JSON.stringify(input, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));
  return createHash('sha256').update(canonical).digest('hex');
}

// Control characters (line breaks and tabs aside), zero-width characters and bidirectional overrides have no
// place in a record's text: they can disguise what a reviewer reads.
const UNPRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

/** Free text kept in a record (a reason, a finding, a document number): trimmed, 1 to `maxLength` characters, printable. */
export function requireCleanText(value: unknown, field: string, maxLength: number, rule?: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length === 0 || text.length > maxLength) {
    throw errors.badInput(`${rule ? `${rule}: ` : ''}${field} must be 1 to ${maxLength} characters`, { field, ...(rule ? { rule } : {}) });
  }
  if (UNPRINTABLE.test(text)) throw errors.badInput(`${field} must not contain control or invisible characters`, { field });
  return text;
}

/** Optional free text: null when absent or blank, otherwise as `requireCleanText`. */
export function optionalCleanText(value: unknown, field: string, maxLength: number): string | null {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim().length === 0)) return null;
  return requireCleanText(value, field, maxLength);
}
