import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { Identity } from '../../shared/auth/identity';
import { sqlParams } from '../sql';
import { BAN_COLUMNS, EnterpriseBan } from './ban.entity';
import { banInForceOn, banScope } from './ban.scope';

/**
 * The bans in force on a day against each of many enterprises, within the caller's scope, in one query
 * per day asked about. Keys are `enterpriseId|day`.
 */
export function createBansOfEnterpriseLoader(db: EntityManager, identity: Identity | undefined): DataLoader<string, EnterpriseBan[]> {
  return new DataLoader(async (keys: readonly string[]) => {
    if (!identity) return keys.map(() => []);
    const byKey = new Map<string, EnterpriseBan[]>();
    const days = [...new Set(keys.map((k) => k.split('|')[1]))];
    for (const day of days) {
      const enterprises = keys.filter((k) => k.endsWith(`|${day}`)).map((k) => k.split('|')[0]);
      const { values, next } = sqlParams();
      const rows: EnterpriseBan[] = await db.query(
        `SELECT ${BAN_COLUMNS} FROM quality.enterprise_ban b
          WHERE b.enterprise_id = ANY(${next(enterprises)}::uuid[]) AND ${banScope(identity, next)}
            AND ${banInForceOn(day, next)}
          ORDER BY b.id`,
        values,
      );
      for (const ban of rows) {
        const key = `${ban.enterpriseId}|${day}`;
        byKey.set(key, [...(byKey.get(key) ?? []), ban]);
      }
    }
    return keys.map((k) => byKey.get(k) ?? []);
  });
}
