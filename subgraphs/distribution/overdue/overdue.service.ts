import { Role } from '../../shared/auth/identity';
import type { Identity } from '../../shared/auth/identity';
import { errors } from '../../shared/errors';
import { pageRequest, PageInput, toPage } from '../../shared/graphql/pagination';
import { regionLikePattern } from '../../shared/region';
import { requireId, requireRegionCode } from '../../shared/validation';
import type { DistributionContext } from '../context';
import { OverdueOrder } from './overdue.entity';

/** Which orders a caller may see, as SQL on `distribution.order_copy o` ($1 is the caller's org or region pattern). */
function orderScope(identity: Identity): { sql: string; value: string } {
  switch (identity.role) {
    case Role.REGULATOR:
      return { sql: 'o.region_code LIKE $1', value: regionLikePattern(identity.region!) };
    case Role.DISTRIBUTOR:
      return { sql: 'o.distributor_id = $1::uuid', value: identity.org! };
    case Role.INSTITUTION:
      return { sql: 'o.institution_id = $1::uuid', value: identity.org! };
    case Role.MANUFACTURER:
      return { sql: 'EXISTS (SELECT 1 FROM distribution.order_line_copy sl WHERE sl.order_id = o.id AND sl.manufacturer_id = $1::uuid)', value: identity.org! };
    default:
      throw errors.forbidden();
  }
}

/**
 * D-04 (Guangdong 2025: 强化超期不配送订单预警): orders of `regionCode` not shipped within the delivery time limit
 * of the region's policy on the day they were placed — the emergency limit for emergency orders, the
 * remote-area limit for institutions in a registered remote area, the standard limit otherwise (a policy
 * version without a special limit falls back to its standard one). Computed in SQL so paging stays exact.
 */
export async function overdueOrders(ctx: DistributionContext, regionCodeArg: string, page: PageInput | undefined) {
  const regionCode = requireRegionCode(regionCodeArg);
  const request = pageRequest(page);
  const scope = orderScope(ctx.identity!);
  const rows: Array<Record<string, any>> = await ctx.db.query( // eslint-disable-line @typescript-eslint/no-explicit-any
    `WITH open_order AS (
       SELECT o.*, (o.placed_at AT TIME ZONE 'Asia/Shanghai')::date AS placed_on
         FROM distribution.order_copy o
        WHERE ${scope.sql} AND o.region_code LIKE $2 AND ($3::uuid IS NULL OR o.id > $3::uuid)
          AND NOT EXISTS (SELECT 1 FROM distribution.delivery d WHERE d.order_id = o.id)
     )
     SELECT o.id, o.institution_id, o.distributor_id, o.region_code, o.total_amount, o.placed_at, o.emergency,
            remote.region_code IS NOT NULL AS remote_area, lim.hours, lim.region_code AS source_region, lim.effective_from, lim.document,
            o.placed_at + lim.hours * interval '1 hour' AS deadline,
            floor(extract(epoch FROM now() - (o.placed_at + lim.hours * interval '1 hour')) / 3600)::int AS hours_overdue
       FROM open_order o
       LEFT JOIN LATERAL (
         SELECT r.region_code FROM distribution.remote_area r
          WHERE o.region_code LIKE distribution.region_prefix(r.region_code) || '%'
            AND r.effective_from <= o.placed_on AND (r.effective_to IS NULL OR r.effective_to >= o.placed_on)
          LIMIT 1) remote ON true
       CROSS JOIN LATERAL (
         SELECT p.region_code, p.effective_from::text AS effective_from, p.document,
                CASE WHEN o.emergency THEN coalesce(p.emergency_delivery_limit_hours, p.delivery_limit_hours)
                     WHEN remote.region_code IS NOT NULL THEN coalesce(p.remote_delivery_limit_hours, p.delivery_limit_hours)
                     ELSE p.delivery_limit_hours END AS hours
           FROM distribution.jurisdiction_policy p
          WHERE p.region_code IN (o.region_code, left(o.region_code, 4) || '00', left(o.region_code, 2) || '0000', '000000')
            AND p.effective_from <= o.placed_on AND (p.effective_to IS NULL OR p.effective_to >= o.placed_on)
            AND p.delivery_limit_hours IS NOT NULL
          ORDER BY length(distribution.region_prefix(p.region_code)) DESC, p.effective_from DESC
          LIMIT 1) lim
      WHERE o.placed_at + lim.hours * interval '1 hour' < now()
      ORDER BY o.id
      LIMIT $4`,
    [scope.value, regionLikePattern(regionCode), request.afterKey ? requireId(request.afterKey, 'after') : null, request.limit + 1],
  );
  const nodes: OverdueOrder[] = rows.map((r) => ({
    orderId: r.id,
    institutionId: r.institution_id,
    distributorId: r.distributor_id,
    regionCode: r.region_code,
    totalAmount: r.total_amount,
    placedAt: new Date(r.placed_at),
    emergency: r.emergency,
    remoteArea: r.remote_area,
    limitHours: r.hours,
    deadline: new Date(r.deadline),
    hoursOverdue: r.hours_overdue,
    source: { regionCode: r.source_region, effectiveFrom: r.effective_from, document: r.document },
  }));
  return toPage(nodes, request, (n) => n.orderId);
}
