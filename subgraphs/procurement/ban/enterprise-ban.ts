import type { EntityManager } from 'typeorm';
import { errors } from '../../shared/errors';
import type { EventHandlers } from '../../shared/events/consumer';
import type { EnterpriseBannedV1 } from '../../shared/events/contracts';
import { regionChain } from '../../shared/region';

/**
 * Q-03 / G-08: a dishonest winner is banned with all its products from the public institutions of the
 * ban's region. Procurement keeps quality's bans as a local copy; a lifted ban arrives again with liftedOn.
 */
export const enterpriseBanEventHandlers: EventHandlers = {
  'quality.EnterpriseBanned.v1': async (tx, event) => {
    const ban = event.payload as EnterpriseBannedV1;
    await tx.query(
      `INSERT INTO procurement.enterprise_ban (ban_id, enterprise_id, region_code, starts_on, ends_on, reason, lifted_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (ban_id) DO UPDATE SET enterprise_id = EXCLUDED.enterprise_id, region_code = EXCLUDED.region_code,
         starts_on = EXCLUDED.starts_on, ends_on = EXCLUDED.ends_on, reason = EXCLUDED.reason, lifted_on = EXCLUDED.lifted_on, updated_at = now()`,
      [ban.banId, ban.enterpriseId, ban.regionCode, ban.startsOn, ban.endsOn, ban.reason, ban.liftedOn],
    );
  },
};

/**
 * placeOrder's Q-03 check: refuses the first line whose manufacturer is under a ban that covers the
 * institution's region (the ban's region or one above it) on the order date and has not been lifted.
 */
export async function refuseBannedManufacturers(tx: EntityManager, manufacturerIds: string[], regionCode: string, onDate: string): Promise<void> {
  const rows: Array<{ enterprise_id: string; region_code: string; ends_on: string }> = await tx.query(
    `SELECT enterprise_id, region_code, ends_on::text AS ends_on FROM procurement.enterprise_ban
      WHERE enterprise_id = ANY($1) AND region_code = ANY($2) AND starts_on <= $3 AND ends_on >= $3
        AND (lifted_on IS NULL OR lifted_on > $3)`,
    [manufacturerIds, regionChain(regionCode), onDate],
  );
  if (rows.length === 0) return;
  const banned = new Map(rows.map((r) => [r.enterprise_id, r]));
  const index = manufacturerIds.findIndex((id) => banned.has(id));
  const ban = banned.get(manufacturerIds[index])!;
  throw errors.badInput(
    `Q-03/G-08: the manufacturer of this product is banned as dishonest (失信) in region ${ban.region_code} until ${ban.ends_on}; its products cannot be ordered`,
    { field: `lines[${index}].productId`, rule: 'Q-03' },
  );
}
