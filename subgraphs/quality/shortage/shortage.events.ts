import type { EventHandlers } from '../../shared/events/consumer';
import type { AgreedVolumeSetV1, ProductionStopReportedV1, StockReportedV1 } from '../../shared/events/contracts';

/** The data Q-06 warns from: latest stock, production stops, and agreed volumes (the basis of need). */
export const shortageEventHandlers: EventHandlers = {
  'distribution.StockReported.v1': async (tx, event) => {
    const s = event.payload as StockReportedV1;
    await tx.query(
      `INSERT INTO quality.stock_level (enterprise_id, product_id, region_code, quantity_on_hand, emergency_reserve, reported_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (enterprise_id, product_id, region_code) DO UPDATE SET quantity_on_hand = EXCLUDED.quantity_on_hand,
         emergency_reserve = EXCLUDED.emergency_reserve, reported_at = EXCLUDED.reported_at
       WHERE quality.stock_level.reported_at <= EXCLUDED.reported_at`,
      [s.enterpriseId, s.productId, s.regionCode, s.quantityOnHand, s.emergencyReserve, s.reportedAt],
    );
  },
  'distribution.ProductionStopReported.v1': async (tx, event) => {
    const p = event.payload as ProductionStopReportedV1;
    await tx.query(
      `INSERT INTO quality.production_stop (report_id, enterprise_id, product_id, region_codes, reason, stopped_from, expected_resume_on, reported_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (report_id) DO UPDATE SET region_codes = EXCLUDED.region_codes, reason = EXCLUDED.reason, stopped_from = EXCLUDED.stopped_from,
         expected_resume_on = EXCLUDED.expected_resume_on, reported_at = EXCLUDED.reported_at`,
      [p.reportId, p.enterpriseId, p.productId, p.regionCodes, p.reason, p.stoppedFrom, p.expectedResumeOn, p.reportedAt],
    );
  },
  'procurement.AgreedVolumeSet.v1': async (tx, event) => {
    const v = event.payload as AgreedVolumeSetV1;
    await tx.query(
      `INSERT INTO quality.agreed_volume (institution_id, winning_product_id, contract_year_start, contract_year_end, product_id, institution_region_code, quantity)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (institution_id, winning_product_id, contract_year_start) DO UPDATE SET quantity = EXCLUDED.quantity, contract_year_end = EXCLUDED.contract_year_end`,
      [v.institutionId, v.winningProductId, v.contractYearStart, v.contractYearEnd, v.productId, v.institutionRegionCode, v.quantity],
    );
  },
};
