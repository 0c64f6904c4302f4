import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { Money } from '../../shared/graphql/scalars';
import { fetchPolicyVersions, inherit } from '../../shared/policy/jurisdiction-policy';
import { addDays, addYears } from '../batch/contract-year';
import { purchasedPerItem } from '../completion/purchased';
import { AgreedVolume, AgreedVolumeBasis } from './agreed-volume.entity';

/**
 * G-09 basis of many agreed volumes in two queries: last year's purchases (the twelve months before the
 * contract year, from the purchased-quantity rollup) and the share range of the region's policy in force
 * when the contract year began. Only rows the caller could already read are asked about.
 */
export function createAgreedVolumeBasisLoader(db: EntityManager): DataLoader<AgreedVolume, AgreedVolumeBasis, string> {
  return new DataLoader(
    async (volumes: readonly AgreedVolume[]) => {
      const windows = volumes.map((v) => ({ from: addYears(v.contractYearStart, -1), to: addDays(v.contractYearStart, -1) }));
      const purchased: Array<{ id: string; quantity: string }> = await db.query(
        `WITH items AS (
           SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::date[], $5::date[]) AS t(id, institution_id, product_id, from_day, to_day)
         )
         SELECT id, quantity FROM ${purchasedPerItem('items')} p`,
        [volumes.map((v) => v.id), volumes.map((v) => v.institutionId), volumes.map((v) => v.productId), windows.map((w) => w.from), windows.map((w) => w.to)],
      );
      const lastYear = new Map(purchased.map((p) => [p.id, Number(p.quantity)]));
      const policies = await fetchPolicyVersions(db, 'procurement.jurisdiction_policy', volumes.map((v) => ({ regionCode: v.regionCode, date: v.contractYearStart })));
      return volumes.map((v, i) => {
        const g = inherit(policies[i], 'agreed_volume_basis');
        const min = (g?.row.agreed_volume_min_share as string | null | undefined) ?? null;
        const max = (g?.row.agreed_volume_max_share as string | null | undefined) ?? null;
        const used = lastYear.get(v.id) ?? 0;
        const within =
          (min === null && max === null) || used === 0
            ? null
            : (min === null || new Money(v.quantity).gte(new Money(min).times(used))) && (max === null || new Money(v.quantity).lte(new Money(max).times(used)));
        return Object.assign(new AgreedVolumeBasis(), {
          lastYearFrom: windows[i].from,
          lastYearTo: windows[i].to,
          lastYearPurchasedQuantity: used,
          policyBasis: (g?.row.agreed_volume_basis as string | undefined) ?? null,
          minShareOfLastYearUse: min,
          maxShareOfLastYearUse: max,
          withinRange: within,
          source: g?.source ?? null,
        });
      });
    },
    { cacheKeyFn: (v) => v.id },
  );
}
