import type { EventHandlers } from '../../shared/events/consumer';
import type { OrderPlacedV1 } from '../../shared/events/contracts';

/** What distribution does with other subgraphs' events: keeps the orders it may be asked to ship. */
export const deliveryEventHandlers: EventHandlers = {
  'procurement.OrderPlaced.v1': async (tx, event) => {
    const order = event.payload as OrderPlacedV1;
    await tx.query(
      `INSERT INTO distribution.order_copy (id, institution_id, region_code, distributor_id, total_amount, placed_at, emergency)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [order.orderId, order.institutionId, order.regionCode, order.distributorId, order.totalAmount, order.placedAt, order.emergency === true],
    );
    await tx.query(
      `INSERT INTO distribution.order_line_copy (order_id, line_no, product_id, manufacturer_id, product_name, specification, dosage_form, pack, quantity, unit_price, amount)
       SELECT $1, l."lineNo", l."productId", l."manufacturerId", l."productName", l.specification, l."dosageForm", l.pack, l.quantity, l."unitPrice", l.amount
         FROM jsonb_to_recordset($2::jsonb) AS l("lineNo" int, "productId" uuid, "manufacturerId" uuid, "productName" text, specification text, "dosageForm" text, pack text, quantity bigint, "unitPrice" numeric, amount numeric)`,
      [order.orderId, JSON.stringify(order.lines)],
    );
  },
};
