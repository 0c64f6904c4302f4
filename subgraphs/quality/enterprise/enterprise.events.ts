import type { EventHandlers } from '../../shared/events/consumer';
import type { EnterpriseRegisteredV1 } from '../../shared/events/contracts';

/**
 * Quality's copy of the enterprise register (D-01), so that a ban, a credit record or an incident can
 * only name an enterprise that exists. The latest registration wins.
 */
export const enterpriseEventHandlers: EventHandlers = {
  'distribution.EnterpriseRegistered.v1': async (tx, event) => {
    const e = event.payload as EnterpriseRegisteredV1;
    await tx.query(
      `INSERT INTO quality.enterprise (id, name, credit_code, region_code, status, is_manufacturer, is_distributor, registered_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, credit_code = EXCLUDED.credit_code, region_code = EXCLUDED.region_code,
         status = EXCLUDED.status, is_manufacturer = EXCLUDED.is_manufacturer, is_distributor = EXCLUDED.is_distributor,
         registered_at = EXCLUDED.registered_at`,
      [e.enterpriseId, e.name, e.creditCode, e.regionCode, e.status, e.isManufacturer, e.isDistributor, e.registeredAt],
    );
  },
};
