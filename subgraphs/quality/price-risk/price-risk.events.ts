import type { EventHandlers } from '../../shared/events/consumer';
import type { ListingChangedV1, OrderPlacedV1 } from '../../shared/events/contracts';
import { chinaDateOf } from '../../shared/graphql/scalars';
import { provinceOf } from '../jurisdiction';

/**
 * The data Q-05 detects from: every ordered line, by province and calendar month in China (one row
 * per line, so sales are summed at query time and a replay cannot count twice), and every listed price.
 */
export const priceRiskEventHandlers: EventHandlers = {
  'procurement.OrderPlaced.v1': async (tx, event) => {
    const order = event.payload as OrderPlacedV1;
    const month = `${chinaDateOf(new Date(order.placedAt)).slice(0, 7)}-01`;
    await tx.query(
      `INSERT INTO quality.sale_line (order_id, line_no, product_id, manufacturer_id, region_code, province_code, sales_month, quantity, amount)
       SELECT $1, l."lineNo", l."productId", l."manufacturerId", $2, $3, $4, l.quantity, l.amount
         FROM jsonb_to_recordset($5::jsonb) AS l("lineNo" int, "productId" uuid, "manufacturerId" uuid, quantity bigint, amount numeric)
       ON CONFLICT (order_id, line_no) DO NOTHING`,
      [order.orderId, order.regionCode, provinceOf(order.regionCode), month, JSON.stringify(order.lines)],
    );
  },
  'procurement.ListingChanged.v1': async (tx, event) => {
    const listing = event.payload as ListingChangedV1;
    await tx.query(
      `INSERT INTO quality.listing (id, product_id, manufacturer_id, region_code, status, listed_price, changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, listed_price = EXCLUDED.listed_price, changed_at = EXCLUDED.changed_at,
         manufacturer_id = EXCLUDED.manufacturer_id
       WHERE quality.listing.changed_at <= EXCLUDED.changed_at`,
      [listing.listingId, listing.productId, listing.manufacturerId, listing.regionCode, listing.status, listing.listedPrice, listing.changedAt],
    );
    await tx.query(
      `INSERT INTO quality.listing_price_change (listing_id, changed_at, listed_price, status) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [listing.listingId, listing.changedAt, listing.listedPrice, listing.status],
    );
  },
};
