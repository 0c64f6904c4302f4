import type { EntityManager } from 'typeorm';
import { insertRows, isEmpty } from '../../shared/db/insert-rows';
import { DEMO } from '../../shared/demo/ids';

const P = DEMO.products;
const OPERATOR = 'demo-gd-insurance';

/** Demo changes after the first listing: [product, region, zone, changes in order]. */
const CHANGES: Array<{ product: string; region: string; zone: 'ACTIVE' | 'INACTIVE'; steps: Array<{ action: string; status: string; reason: string; daysAgo: number }> }> = [
  // a yellow price-risk flag suspends the stent's Guangdong listing.
  { product: P.stentBayu, region: '440000', zone: 'ACTIVE', steps: [{ action: 'SUSPEND', status: 'SUSPENDED', reason: '价格风险黄标：连续涨价，暂停挂网 (Q-05)', daysAgo: 20 }] },
  // Suspended over a missing price-linkage declaration, restored once it was filed.
  {
    product: P.atorvastatinHuayue,
    region: '440000',
    zone: 'ACTIVE',
    steps: [
      { action: 'SUSPEND', status: 'SUSPENDED', reason: '未按期申报省外挂网价格联动 (Q-07)', daysAgo: 40 },
      { action: 'RESTORE', status: 'RESTORED', reason: '已完成价格联动申报，恢复挂网', daysAgo: 30 },
    ],
  },
  // Not traded in Guangdong: managed in the inactive zone.
  { product: P.infusionSetJintong, region: '440000', zone: 'INACTIVE', steps: [] },
  { product: P.metforminJintong, region: '500000', zone: 'ACTIVE', steps: [{ action: 'DELIST', status: 'DELISTED', reason: '企业申请撤网', daysAgo: 15 }] },
];

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString();
}

/**
 * P-08 demo history: every listing's first listing, then some suspended, restored, delisted and
 * inactive-zone listings in the demo regions, with the listing rows brought to match their history.
 */
export async function seedListingDemo(tx: EntityManager): Promise<boolean> {
  if (!(await isEmpty(tx, 'procurement.listing_history'))) return false;
  const listings: Array<{ id: string; product_id: string; region_code: string; listed_price: string; listed_on: string }> = await tx.query(
    `SELECT id, product_id, region_code, listed_price::text AS listed_price, listed_on::text AS listed_on FROM procurement.listing WHERE version = 1 AND status = 'LISTED'`,
  );
  const rows: Array<Record<string, unknown>> = [];
  for (const listing of listings) {
    const change = CHANGES.find((c) => c.product === listing.product_id && c.region === listing.region_code);
    const zone = change?.zone ?? 'ACTIVE';
    const base = { listing_id: listing.id, zone, listed_price: listing.listed_price, actor: OPERATOR, request_id: null };
    rows.push({ ...base, version: 1, action: 'LIST', status: 'LISTED', reason: '挂网申请审核通过', changed_at: `${listing.listed_on}T09:00:00+08:00` });
    change?.steps.forEach((step, i) => rows.push({ ...base, version: i + 2, action: step.action, status: step.status, reason: step.reason, changed_at: daysAgo(step.daysAgo) }));
    if (change) {
      const last = change.steps[change.steps.length - 1];
      await tx.query('UPDATE procurement.listing SET zone = $2, status = $3, version = $4 WHERE id = $1', [listing.id, zone, last?.status ?? 'LISTED', change.steps.length + 1]);
    }
  }
  await insertRows(tx, 'procurement.listing_history', rows);
  return true;
}
