import type { SubgraphName } from '../db/data-source';

/**
 * Who listens to what: for each consumer, the producers' event types it handles. The relay of a
 * producer sends every event of that producer to each consumer listed under it, handled or not, so the
 * consumer sees each key's events without gaps and can apply them in order.
 */
export const SUBSCRIPTIONS: Record<SubgraphName, readonly string[]> = {
  procurement: ['distribution.OrderShipped.v1', 'distribution.ReceiptConfirmed.v1', 'quality.ListingActionDecided.v1', 'quality.EnterpriseBanned.v1'],
  distribution: [
    'procurement.OrderPlaced.v1',
    'procurement.OrderCancelled.v1',
    'procurement.WinningProductAwarded.v1',
    'procurement.AgreedVolumeSet.v1',
    'quality.EnterpriseBanned.v1',
  ],
  insurance: [
    'distribution.ReceiptConfirmed.v1',
    'procurement.WinningProductAwarded.v1',
    'procurement.AgreedVolumeSet.v1',
    'procurement.ProductCatalogued.v1',
  ],
  quality: [
    'distribution.EnterpriseRegistered.v1',
    'procurement.OrderPlaced.v1',
    'procurement.ListingChanged.v1',
    'procurement.AgreedVolumeSet.v1',
    'distribution.StockReported.v1',
    'distribution.ProductionStopReported.v1',
  ],
};

/** The consumers that receive `producer`'s events. */
export function consumersOf(producer: SubgraphName): SubgraphName[] {
  return (Object.keys(SUBSCRIPTIONS) as SubgraphName[]).filter((consumer) =>
    SUBSCRIPTIONS[consumer].some((type) => type.startsWith(`${producer}.`)),
  );
}

/** The graphile-worker task that delivers events to `consumer`. */
export function consumerTask(consumer: SubgraphName): string {
  return `vbp.deliver.${consumer}`;
}
