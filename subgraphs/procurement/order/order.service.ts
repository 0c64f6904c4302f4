import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { errors } from '../../shared/errors';
import type { OrderPlacedV1 } from '../../shared/events/contracts';
import { recordEvent } from '../../shared/events/outbox';
import { pageRequest, PageInput, toPage } from '../../shared/graphql/pagination';
import { decimalText, Money, parseIsoDate, todayInChina } from '../../shared/graphql/scalars';
import { regionChain, regionLikePattern } from '../../shared/region';
import {
  requestHash,
  requireId,
  requireIdempotencyKey,
  requirePositiveAmount,
  requireQuantity,
  requireRegionCode,
} from '../../shared/validation';
import { refuseBannedManufacturers } from '../ban/enterprise-ban';
import type { ProcurementContext } from '../context';
import { Institution } from '../institution/institution.entity';
import { refuseUnselectable } from '../selection/consistency-selection';
import { OrderLine, OrderState, PurchaseOrder } from './order.entity';
import type { OrderFilter, PlaceOrderInput } from './order.input';
import { scopeOrders } from './order.scope';
import { checkNonWinningRatio } from './non-winning-ratio';

const MAX_LINES = 100;

interface ListingRow {
  product_id: string;
  listed_price: string;
  status: string;
  region_code: string;
}

/** Checks the shape of a new order before anything is read or written. */
function validate(input: PlaceOrderInput) {
  const distributorId = requireId(input.distributorId, 'distributorId');
  if (!Array.isArray(input.lines) || input.lines.length < 1 || input.lines.length > MAX_LINES) {
    throw errors.badInput(`An order has 1 to ${MAX_LINES} lines`, { field: 'lines' });
  }
  const lines = input.lines.map((line, i) => ({
    lineNo: i + 1,
    productId: requireId(line.productId, `lines[${i}].productId`),
    quantity: requireQuantity(line.quantity, `lines[${i}].quantity`),
    unitPrice: requirePositiveAmount(line.unitPrice, `lines[${i}].unitPrice`),
  }));
  if (new Set(lines.map((l) => l.productId)).size !== lines.length) {
    throw errors.badInput('Each product may appear on one line only', { field: 'lines' });
  }
  const idempotencyKey = input.idempotencyKey === undefined || input.idempotencyKey === null ? undefined : requireIdempotencyKey(input.idempotencyKey);
  return { distributorId, lines, idempotencyKey, emergency: input.emergency === true };
}

/**
 * P-12 with P-08: the calling institution orders listed products at no more than their listed price.
 * The order and its OrderPlaced event commit together; a retry under the same idempotency key returns
 * the first order, and the same key with another body is a CONFLICT.
 */
export async function placeOrder(ctx: ProcurementContext, input: PlaceOrderInput): Promise<PurchaseOrder> {
  const { distributorId, lines, idempotencyKey, emergency } = validate(input);
  const institutionId = ctx.identity!.org!;
  // The flag joins the fingerprint only when set, so keys recorded before it existed still match their retries.
  const hash = requestHash({ distributorId, lines: lines.map((l) => ({ ...l, unitPrice: decimalText(l.unitPrice) })), ...(emergency ? { emergency } : {}) });

  return ctx.db.transaction(async (tx) => {
    if (idempotencyKey) {
      // Concurrent retries under one key take turns here, so the second finds the first's order.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`placeOrder:${institutionId}:${idempotencyKey}`]);
      const previous = await tx.getRepository(PurchaseOrder).findOneBy({ institutionId, idempotencyKey });
      if (previous) {
        if (previous.requestHash !== hash) throw errors.conflict('This idempotency key was already used for a different order');
        return previous;
      }
    }
    const institution = await tx.getRepository(Institution).findOneBy({ id: institutionId });
    if (!institution) throw errors.forbidden('The calling institution is not registered in procurement');

    const products = await tx.query(
      `SELECT id, name, specification, dosage_form, pack, manufacturer_id FROM procurement.product WHERE id = ANY($1)`,
      [lines.map((l) => l.productId)],
    );
    const productById = new Map<string, Record<string, string>>(products.map((p: Record<string, string>) => [p.id, p]));
    const listingByProduct = await listingsFor(tx, lines.map((l) => l.productId), institution.regionCode);

    let total = new Money(0);
    const priced = lines.map((line, i) => {
      const product = productById.get(line.productId);
      if (!product) throw errors.badInput(`Product ${line.productId} does not exist`, { field: `lines[${i}].productId` });
      const listing = listingByProduct.get(line.productId);
      if (!listing || (listing.status !== 'LISTED' && listing.status !== 'RESTORED')) {
        throw errors.badInput(`P-08: product ${line.productId} is not listed for institutions of region ${institution.regionCode}`, {
          field: `lines[${i}].productId`,
          rule: 'P-08',
        });
      }
      if (line.unitPrice.gt(listing.listed_price)) {
        throw errors.badInput(`P-08: unit price ${decimalText(line.unitPrice)} exceeds the listed price ${decimalText(listing.listed_price)}`, {
          field: `lines[${i}].unitPrice`,
          rule: 'P-08',
        });
      }
      const amount = line.unitPrice.times(line.quantity);
      total = total.plus(amount);
      return { ...line, product, amount };
    });
    await refuseUnselectable(tx, lines.map((l) => l.productId));
    await refuseBannedManufacturers(tx, priced.map((l) => l.product.manufacturer_id), institution.regionCode, todayInChina());

    await checkNonWinningRatio(tx, institution, lines, todayInChina());
    const order = tx.getRepository(PurchaseOrder).create({
      id: randomUUID(),
      institutionId,
      regionCode: institution.regionCode,
      distributorId,
      state: OrderState.PLACED,
      totalAmount: decimalText(total),
      placedAt: new Date(),
      idempotencyKey: idempotencyKey ?? null,
      requestHash: idempotencyKey ? hash : null,
      version: 1,
      emergency,
    });
    await tx.getRepository(PurchaseOrder).insert(order);
    await tx.getRepository(OrderLine).insert(
      priced.map((l) => ({ orderId: order.id, lineNo: l.lineNo, productId: l.productId, quantity: l.quantity, unitPrice: decimalText(l.unitPrice), amount: decimalText(l.amount) })),
    );
    await recordEvent<OrderPlacedV1>(tx, 'procurement', {
      type: 'OrderPlaced',
      version: 1,
      key: order.id,
      payload: {
        orderId: order.id,
        institutionId,
        regionCode: institution.regionCode,
        distributorId,
        placedAt: order.placedAt.toISOString(),
        totalAmount: order.totalAmount,
        lines: priced.map((l) => ({
          lineNo: l.lineNo,
          productId: l.productId,
          manufacturerId: l.product.manufacturer_id,
          productName: l.product.name,
          specification: l.product.specification,
          dosageForm: l.product.dosage_form,
          pack: l.product.pack,
          quantity: l.quantity,
          unitPrice: decimalText(l.unitPrice),
          amount: decimalText(l.amount),
        })),
        emergency,
      },
    });
    ctx.log.info({ orderId: order.id }, 'order placed');
    return order;
  });
}

/** The listing that applies to each product for an institution: the nearest region's, up to the province. */
async function listingsFor(tx: EntityManager, productIds: string[], regionCode: string): Promise<Map<string, ListingRow>> {
  const chain = regionChain(regionCode);
  const rows: ListingRow[] = await tx.query(
    `SELECT DISTINCT ON (product_id) product_id, listed_price, status, region_code
       FROM procurement.listing
      WHERE product_id = ANY($1) AND region_code = ANY($2)
      ORDER BY product_id, array_position($2::text[], region_code)`,
    [productIds, chain],
  );
  return new Map(rows.map((r) => [r.product_id, r]));
}

/** Orders within the caller's scope, newest ids first by keyset. */
export async function listOrders(ctx: ProcurementContext, filter: OrderFilter | undefined, page: PageInput | undefined) {
  const request = pageRequest(page);
  const qb = ctx.db.getRepository(PurchaseOrder).createQueryBuilder('o').orderBy('o.id').limit(request.limit + 1);
  scopeOrders(qb, 'o', ctx.identity!);
  if (filter?.state !== undefined) qb.andWhere('o.state = :state', { state: filter.state });
  if (filter?.institutionId !== undefined) qb.andWhere('o.institution_id = :inst', { inst: requireId(filter.institutionId, 'institutionId') });
  if (filter?.regionCode !== undefined) qb.andWhere('o.region_code LIKE :region', { region: regionLikePattern(requireRegionCode(filter.regionCode)) });
  if (filter?.productId !== undefined && filter.productId !== null) {
    qb.andWhere('EXISTS (SELECT 1 FROM procurement.order_line fl WHERE fl.order_id = o.id AND fl.product_id = :product)', { product: requireId(filter.productId, 'productId') });
  }
  if (filter?.distributorId !== undefined && filter.distributorId !== null) qb.andWhere('o.distributor_id = :distributor', { distributor: requireId(filter.distributorId, 'distributorId') });
  // Placed dates are China calendar days.
  if (filter?.placedFrom !== undefined && filter.placedFrom !== null) qb.andWhere(`o.placed_at >= CAST(CAST(:from AS date) AS timestamp) AT TIME ZONE 'Asia/Shanghai'`, { from: parseIsoDate(filter.placedFrom) });
  if (filter?.placedTo !== undefined && filter.placedTo !== null) qb.andWhere(`o.placed_at < CAST(CAST(:to AS date) + 1 AS timestamp) AT TIME ZONE 'Asia/Shanghai'`, { to: parseIsoDate(filter.placedTo) });
  if (request.afterKey) qb.andWhere('o.id > :after', { after: requireId(request.afterKey, 'after') });
  return toPage(await qb.getMany(), request, (o) => o.id);
}

export async function getOrder(ctx: ProcurementContext, id: string): Promise<PurchaseOrder> {
  const order = await ctx.loaders.orderById.load(requireId(id));
  if (!order) throw errors.notFound('Order', id);
  return order;
}
