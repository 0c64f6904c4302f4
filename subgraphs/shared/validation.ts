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
