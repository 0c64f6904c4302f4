import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { requireCurrentVersion, updateVersioned } from '../../shared/db/versioned-update';
import { errors } from '../../shared/errors';
import type { ListingChangedV1 } from '../../shared/events/contracts';
import { recordEvent } from '../../shared/events/outbox';
import { pageRequest, PageInput, toPage } from '../../shared/graphql/pagination';
import { decimalText, todayInChina } from '../../shared/graphql/scalars';
import { regionLikePattern, regionWithin } from '../../shared/region';
import { requireCleanText, requireId, requirePositiveAmount, requireRegionCode } from '../../shared/validation';
import type { ProcurementContext } from '../context';
import { Listing, ListingAction, ListingStatus, ListingZone } from './listing.entity';
import type { ChangeListingInput, ListingFilter, ListProductInput } from './listing.input';

/**
 * P-08 transitions (Guangdong 2025 二(二): 撤网、暂停挂网、恢复挂网). Restoring (恢复挂网) undoes a suspension
 * only; a delisted product (撤网) has left the platform and comes back only on a new listing
 * application (listProduct → RELIST), with a price reviewed afresh.
 */
const TRANSITIONS: Record<'SUSPEND' | 'DELIST' | 'RESTORE', { from: ListingStatus[]; to: ListingStatus }> = {
  SUSPEND: { from: [ListingStatus.LISTED, ListingStatus.RESTORED], to: ListingStatus.SUSPENDED },
  DELIST: { from: [ListingStatus.LISTED, ListingStatus.RESTORED, ListingStatus.SUSPENDED], to: ListingStatus.DELISTED },
  RESTORE: { from: [ListingStatus.SUSPENDED], to: ListingStatus.RESTORED },
};
export type ListingStatusAction = keyof typeof TRANSITIONS;
const PAST_TENSE: Record<ListingStatusAction, string> = { SUSPEND: 'suspended', DELIST: 'delisted', RESTORE: 'restored' };

/** Who made a change and where it came from, for the history row. */
export interface ListingActor {
  actor: string;
  requestId: string | null;
}

interface ListingRow {
  id: string;
  product_id: string;
  manufacturer_id: string;
  region_code: string;
  listed_price: string;
  unit: string;
  status: ListingStatus;
  zone: ListingZone;
  version: number;
}

const LOCK_LISTING = `SELECT l.id, l.product_id, p.manufacturer_id, l.region_code, l.listed_price::text AS listed_price, l.unit, l.status, l.zone, l.version
  FROM procurement.listing l JOIN procurement.product p ON p.id = l.product_id`;

/** Writes the history row and the ListingChanged event of a change, in the change's transaction. */
async function recordChange(tx: EntityManager, row: ListingRow, action: ListingAction, reason: string, who: ListingActor): Promise<void> {
  const [{ changed_at: changedAt }] = await tx.query(
    `INSERT INTO procurement.listing_history (listing_id, version, action, status, zone, listed_price, reason, actor, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING changed_at`,
    [row.id, row.version, action, row.status, row.zone, row.listed_price, reason, who.actor, who.requestId],
  );
  await recordEvent<ListingChangedV1>(tx, 'procurement', {
    type: 'ListingChanged',
    version: 1,
    key: row.id,
    payload: {
      listingId: row.id,
      productId: row.product_id,
      manufacturerId: row.manufacturer_id,
      regionCode: row.region_code,
      status: row.status,
      listedPrice: decimalText(row.listed_price),
      reason,
      changedAt: new Date(changedAt).toISOString(),
    },
  });
}

/**
 * Moves a locked listing to the status `action` leads to, with history and event. The one path for
 * every status change, whether a regulator asked or a quality decision arrived.
 */
export async function applyStatusChange(
  tx: EntityManager,
  row: ListingRow,
  action: ListingStatusAction,
  change: { reason: string; zone?: ListingZone; expectedVersion?: number | null },
  who: ListingActor,
): Promise<ListingRow> {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(row.status)) {
    throw errors.conflict(`P-08: a ${row.status} listing cannot be ${PAST_TENSE[action]} (only from ${transition.from.join(', ')})`, { rule: 'P-08' });
  }
  requireCurrentVersion(change.expectedVersion, row.version);
  const zone = change.zone ?? row.zone;
  const version = await updateVersioned(tx, 'procurement.listing', row.id, row.version, { status: transition.to, zone, updated_at: new Date() });
  const changed = { ...row, status: transition.to, zone, version };
  await recordChange(tx, changed, ListingAction[action], change.reason, who);
  return changed;
}

/** Locks a listing, within `scopeRegion` when given; another region's listing is NOT_FOUND like a missing one. */
export async function lockListing(tx: EntityManager, listingId: string, scopeRegion?: string): Promise<ListingRow> {
  const [row] = await tx.query(`${LOCK_LISTING} WHERE l.id = $1 FOR UPDATE OF l`, [listingId]);
  if (!row || (scopeRegion && !regionWithin(row.region_code, scopeRegion))) throw errors.notFound('Listing', listingId);
  return row;
}

/** The listing of a product in exactly one region, locked; undefined when there is none. */
export async function lockListingOf(tx: EntityManager, productId: string, regionCode: string): Promise<ListingRow | undefined> {
  const [row] = await tx.query(`${LOCK_LISTING} WHERE l.product_id = $1 AND l.region_code = $2 FOR UPDATE OF l`, [productId, regionCode]);
  return row;
}

function actorOf(ctx: ProcurementContext): ListingActor {
  return { actor: ctx.identity!.subject, requestId: ctx.requestId };
}

async function reload(tx: EntityManager, id: string): Promise<Listing> {
  return (await tx.getRepository(Listing).findOneBy({ id }))!;
}

/**
 * P-08: the platform operator (the medical-insurance regulator of the region) lists a product at a price,
 * or re-lists a delisted one on a new application. Any other existing listing is a CONFLICT.
 */
export async function listProduct(ctx: ProcurementContext, input: ListProductInput): Promise<Listing> {
  const productId = requireId(input.productId, 'productId');
  const regionCode = requireRegionCode(input.regionCode);
  const price = requirePositiveAmount(input.listedPrice, 'listedPrice');
  const unit = requireCleanText(input.unit, 'unit', 20);
  const reason = requireCleanText(input.reason, 'reason', 500);
  if (!Object.values(ListingZone).includes(input.zone)) throw errors.badInput('zone must be ACTIVE or INACTIVE', { field: 'zone' });
  if (!regionWithin(regionCode, ctx.identity!.region!)) throw errors.forbidden(`Region ${regionCode} is outside your jurisdiction`);

  return ctx.db.transaction(async (tx) => {
    const [product] = await tx.query('SELECT id, manufacturer_id FROM procurement.product WHERE id = $1', [productId]);
    if (!product) throw errors.badInput(`Product ${productId} does not exist`, { field: 'productId' });
    const existing = await lockListingOf(tx, productId, regionCode);
    if (existing) {
      if (existing.status !== ListingStatus.DELISTED) {
        throw errors.conflict(`P-08: product ${productId} is already listed for region ${regionCode} (listing ${existing.id}, ${existing.status})`, { rule: 'P-08' });
      }
      requireCurrentVersion(input.expectedVersion, existing.version);
      const values = { status: ListingStatus.LISTED, zone: input.zone, listed_price: decimalText(price), unit, listed_on: todayInChina(), updated_at: new Date() };
      const version = await updateVersioned(tx, 'procurement.listing', existing.id, existing.version, values);
      await recordChange(tx, { ...existing, status: ListingStatus.LISTED, zone: input.zone, listed_price: decimalText(price), unit, version }, ListingAction.RELIST, reason, actorOf(ctx));
      return reload(tx, existing.id);
    }
    if (input.expectedVersion !== undefined && input.expectedVersion !== null) {
      throw errors.badInput('expectedVersion applies only when re-listing a delisted listing', { field: 'expectedVersion' });
    }
    const id = randomUUID();
    // A concurrent listing of the same product and region wins the unique key; this one is then a CONFLICT.
    const inserted = await tx.query(
      `INSERT INTO procurement.listing (id, product_id, region_code, listed_price, unit, status, zone, listed_on, version)
       VALUES ($1, $2, $3, $4, $5, 'LISTED', $6, $7, 1) ON CONFLICT (product_id, region_code) DO NOTHING RETURNING id`,
      [id, productId, regionCode, decimalText(price), unit, input.zone, todayInChina()],
    );
    if (inserted.length === 0) throw errors.conflict(`P-08: product ${productId} was just listed for region ${regionCode}`, { rule: 'P-08' });
    const row: ListingRow = { id, product_id: productId, manufacturer_id: product.manufacturer_id, region_code: regionCode, listed_price: decimalText(price), unit, status: ListingStatus.LISTED, zone: input.zone, version: 1 };
    await recordChange(tx, row, ListingAction.LIST, reason, actorOf(ctx));
    ctx.log.info({ listingId: id, productId, regionCode }, 'product listed');
    return reload(tx, id);
  });
}

/** P-08: suspend, delist or restore a listing of the caller's region, with a reason. */
export async function changeListingStatus(ctx: ProcurementContext, action: ListingStatusAction, input: ChangeListingInput): Promise<Listing> {
  const listingId = requireId(input.listingId, 'listingId');
  const reason = requireCleanText(input.reason, 'reason', 500);
  if (input.zone !== undefined && input.zone !== null && !Object.values(ListingZone).includes(input.zone)) {
    throw errors.badInput('zone must be ACTIVE or INACTIVE', { field: 'zone' });
  }
  return ctx.db.transaction(async (tx) => {
    const row = await lockListing(tx, listingId, ctx.identity!.region!);
    await applyStatusChange(tx, row, action, { reason, zone: input.zone ?? undefined, expectedVersion: input.expectedVersion }, actorOf(ctx));
    ctx.log.info({ listingId, action }, 'listing changed');
    return reload(tx, listingId);
  });
}

/** Listings (published), filtered, by id. */
export async function listListings(ctx: ProcurementContext, filter: ListingFilter | undefined, page: PageInput | undefined) {
  const request = pageRequest(page);
  const qb = ctx.db.getRepository(Listing).createQueryBuilder('l').orderBy('l.id').limit(request.limit + 1);
  if (filter?.productId !== undefined && filter.productId !== null) qb.andWhere('l.product_id = :productId', { productId: requireId(filter.productId, 'productId') });
  if (filter?.regionCode !== undefined && filter.regionCode !== null) qb.andWhere('l.region_code LIKE :region', { region: regionLikePattern(requireRegionCode(filter.regionCode)) });
  if (filter?.status !== undefined && filter.status !== null) qb.andWhere('l.status = :status', { status: filter.status });
  if (filter?.zone !== undefined && filter.zone !== null) qb.andWhere('l.zone = :zone', { zone: filter.zone });
  if (request.afterKey) qb.andWhere('l.id > :after', { after: requireId(request.afterKey, 'after') });
  return toPage(await qb.getMany(), request, (l) => l.id);
}

export async function getListing(ctx: ProcurementContext, id: string): Promise<Listing> {
  const listing = await ctx.loaders.listingById.load(requireId(id));
  if (!listing) throw errors.notFound('Listing', id);
  return listing;
}
