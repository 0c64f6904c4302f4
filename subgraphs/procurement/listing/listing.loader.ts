import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { Listing, ListingHistoryEntry } from './listing.entity';

/** Listings by id (published, so not row-scoped). */
export function createListingLoader(db: EntityManager): DataLoader<string, Listing | null> {
  return new DataLoader(async (ids: readonly string[]) => {
    const rows = await db.getRepository(Listing).createQueryBuilder('l').where('l.id = ANY(:ids)', { ids }).getMany();
    const byId = new Map(rows.map((l) => [l.id, l]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** The history of many listings in one query, oldest change first. */
export function createListingHistoryLoader(db: EntityManager): DataLoader<string, ListingHistoryEntry[]> {
  return new DataLoader(async (ids: readonly string[]) => {
    const rows = await db.query(
      `SELECT listing_id, version, action, status, zone, listed_price::text AS "listedPrice", reason, actor, request_id AS "requestId", changed_at AS "changedAt"
         FROM procurement.listing_history WHERE listing_id = ANY($1) ORDER BY listing_id, version`,
      [ids],
    );
    const byListing = new Map<string, ListingHistoryEntry[]>();
    for (const { listing_id: id, ...entry } of rows) byListing.set(id, [...(byListing.get(id) ?? []), entry]);
    return ids.map((id) => byListing.get(id) ?? []);
  });
}
