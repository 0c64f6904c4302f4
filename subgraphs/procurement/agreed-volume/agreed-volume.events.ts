import type { EntityManager } from 'typeorm';
import type { AgreedVolumeSetV1 } from '../../shared/events/contracts';
import { recordEvent } from '../../shared/events/outbox';
import { decimalText } from '../../shared/graphql/scalars';
import { AGREED_VOLUME_COLUMNS, AgreedVolumeRow } from './agreed-volume.entity';

/**
 * Records AgreedVolumeSet for agreed volumes as they now stand, in the caller's transaction (P-04 set,
 * P-06 reallocation): insurance prepays on them, distribution checks coverage.
 */
export async function recordAgreedVolumesSet(tx: EntityManager, ids: string[]): Promise<void> {
  const rows: Array<AgreedVolumeRow & { institution_name: string }> = await tx.query(
    `SELECT ${AGREED_VOLUME_COLUMNS}, i.name AS institution_name, p.kind
       FROM procurement.agreed_volume av
       JOIN procurement.winning_product w ON w.id = av.winning_product_id
       JOIN procurement.product p ON p.id = w.product_id
       JOIN procurement.institution i ON i.id = av.institution_id
      WHERE av.id = ANY($1) ORDER BY av.id`,
    [ids],
  );
  for (const row of rows) {
    await recordEvent<AgreedVolumeSetV1>(tx, 'procurement', {
      type: 'AgreedVolumeSet',
      version: 1,
      key: `${row.institution_id}:${row.winning_product_id}:${row.contract_year_start}`,
      payload: {
        agreedVolumeId: row.id,
        batchId: row.batch_id,
        winningProductId: row.winning_product_id,
        productId: row.product_id,
        manufacturerId: row.manufacturer_id,
        kind: row.kind,
        institutionId: row.institution_id,
        institutionName: row.institution_name,
        institutionRegionCode: row.region_code,
        poolingRegionCode: row.pooling_region_code,
        contractYearStart: row.contract_year_start,
        contractYearEnd: row.contract_year_end,
        quantity: Number(row.quantity),
        winningPrice: decimalText(row.winning_price),
        amount: decimalText(row.amount),
        agreedOn: row.agreed_on,
      },
    });
  }
}
