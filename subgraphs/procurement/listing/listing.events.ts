import type { EventHandlers } from '../../shared/events/consumer';
import type { ListingActionDecidedV1 } from '../../shared/events/contracts';
import { ListingStatus } from './listing.entity';
import { applyStatusChange, ListingStatusAction, lockListingOf } from './listing.service';

const ACTIONS: Record<string, ListingStatusAction> = { SUSPEND: 'SUSPEND', DELIST: 'DELIST' };
const REACHED: Record<ListingStatusAction, ListingStatus[]> = {
  SUSPEND: [ListingStatus.SUSPENDED, ListingStatus.DELISTED],
  DELIST: [ListingStatus.DELISTED],
  RESTORE: [ListingStatus.RESTORED],
};

/**
 * Q-05 → P-08: a price-risk decision of quality suspends or delists the listing through the same path
 * as a regulator's change, with the decision as actor. A listing already there (or beyond) is left as it is.
 */
export const listingEventHandlers: EventHandlers = {
  'quality.ListingActionDecided.v1': async (tx, event, log) => {
    const decision = event.payload as ListingActionDecidedV1;
    const action = ACTIONS[decision.action];
    if (!action) {
      log.warn({ flagId: decision.flagId, action: decision.action }, 'unknown listing action ignored');
      return;
    }
    const row = await lockListingOf(tx, decision.productId, decision.regionCode);
    if (!row) {
      log.warn({ flagId: decision.flagId, productId: decision.productId, regionCode: decision.regionCode }, 'listing action for a product not listed in that region');
      return;
    }
    if (REACHED[action].includes(row.status)) return;
    await applyStatusChange(
      tx,
      row,
      action,
      { reason: `Q-05 ${decision.colour} flag: ${decision.reason}`.slice(0, 500) },
      { actor: `quality:price-risk-flag:${decision.flagId}`, requestId: null },
    );
  },
};
