import type { EntityManager } from 'typeorm';
import { errors } from '../errors';

/**
 * Writes `changes` to one row only if it still has `version`, and bumps the version: the classic guard
 * against lost updates. Exactly one row must change; otherwise someone else wrote first (CONFLICT).
 * Column names come from code, never from input; values are parameters.
 */
export async function updateVersioned(
  tx: EntityManager,
  table: string,
  id: string,
  version: number,
  changes: Record<string, unknown>,
): Promise<number> {
  const columns = Object.keys(changes);
  const assignments = columns.map((column, i) => `${column} = $${i + 3}`);
  const [, affected] = await tx.query(
    `UPDATE ${table} SET ${[...assignments, 'version = version + 1'].join(', ')} WHERE id = $1 AND version = $2`,
    [id, version, ...columns.map((c) => changes[c])],
  );
  if (affected !== 1) throw errors.conflict(`This record was changed by someone else (version ${version} is no longer current); reload it and try again`);
  return version + 1;
}

/** Checks a client's expected version against the row's, before any write. */
export function requireCurrentVersion(expected: number | undefined | null, current: number): void {
  if (expected === undefined || expected === null) return;
  if (!Number.isInteger(expected) || expected < 1) throw errors.badInput('expectedVersion must be a whole number from 1', { field: 'expectedVersion' });
  if (expected !== current) {
    throw errors.conflict(`The record is at version ${current}, not ${expected}; reload it and try again`);
  }
}
