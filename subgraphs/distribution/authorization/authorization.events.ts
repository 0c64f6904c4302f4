import type { EventHandlers } from '../../shared/events/consumer';
import type { AgreedVolumeSetV1, EnterpriseBannedV1, WinningProductAwardedV1 } from '../../shared/events/contracts';

/**
 * D-02 and G-08: the facts distribution keeps from procurement and quality to judge authorisations —
 * winning products (who may authorise, for which pooling regions), participating institutions (who must
 * be covered) and bans (who may not be newly authorised). Upserts, so a replay changes nothing.
 */
export const authorizationEventHandlers: EventHandlers = {
  'procurement.WinningProductAwarded.v1': async (tx, event) => {
    const w = event.payload as WinningProductAwardedV1;
    await tx.query(
      `INSERT INTO distribution.winning_product_copy (id, batch_id, batch_name, region_codes, cycle_start, cycle_end, product_id, manufacturer_id, kind, product_name, specification)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (id) DO UPDATE SET batch_name = EXCLUDED.batch_name, region_codes = EXCLUDED.region_codes, cycle_start = EXCLUDED.cycle_start,
         cycle_end = EXCLUDED.cycle_end, product_name = EXCLUDED.product_name, specification = EXCLUDED.specification`,
      [w.winningProductId, w.batchId, w.batchName, w.regionCodes, w.cycleStart, w.cycleEnd, w.productId, w.manufacturerId, w.kind, w.productName, w.specification],
    );
  },
  'procurement.AgreedVolumeSet.v1': async (tx, event) => {
    const v = event.payload as AgreedVolumeSetV1;
    await tx.query(
      `INSERT INTO distribution.agreed_volume_copy (id, winning_product_id, institution_id, institution_name, institution_region_code, pooling_region_code, contract_year_start, quantity)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (id) DO UPDATE SET quantity = EXCLUDED.quantity, institution_name = EXCLUDED.institution_name`,
      [v.agreedVolumeId, v.winningProductId, v.institutionId, v.institutionName, v.institutionRegionCode, v.poolingRegionCode, v.contractYearStart, v.quantity],
    );
  },
  'quality.EnterpriseBanned.v1': async (tx, event) => {
    const b = event.payload as EnterpriseBannedV1;
    await tx.query(
      `INSERT INTO distribution.enterprise_ban_copy (ban_id, enterprise_id, region_code, starts_on, ends_on, lifted_on, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (ban_id) DO UPDATE SET starts_on = EXCLUDED.starts_on, ends_on = EXCLUDED.ends_on, lifted_on = EXCLUDED.lifted_on, reason = EXCLUDED.reason`,
      [b.banId, b.enterpriseId, b.regionCode, b.startsOn, b.endsOn, b.liftedOn, b.reason],
    );
  },
};
