import { auditTrailResolver } from '../shared/audit/audit-trail.resolver';
import { EventBusResolver } from '../shared/events/bus-status.resolver';
import { buildFederatedSchema } from '../shared/graphql/federated-schema';
import { resolveJurisdictionPolicyReference } from '../shared/policy/jurisdiction-policy';
import { once, SubgraphDefinition } from '../shared/subgraph';
import { createProcurementLoaders, ProcurementLoaders } from './context';
import { seedProcurementDemoData } from './demo-data';
import { Institution } from './institution/institution.entity';
import { resolveInstitutionReference } from './institution/institution.reference';
import { InstitutionResolver } from './institution/institution.resolver';
import { procurementPermissions } from './permissions';
import { JurisdictionPolicyResolver } from './policy/jurisdiction-policy.resolver';
import { OrderLine, PurchaseOrder } from './order/order.entity';
import { orderEventHandlers } from './order/order.events';
import { resolveOrderReference } from './order/order.reference';
import { OrderLineResolver, OrderResolver } from './order/order.resolver';
import { Product } from './product/product.entity';
import { resolveProductReference } from './product/product.reference';
import { ProductResolver } from './product/product.resolver';
import { enterpriseBanEventHandlers } from './ban/enterprise-ban';
import { OfficialCalendarResolver } from './calendar/official-calendar.resolver';
import { FiledPurchaseCapsResolver } from './filing/filed-purchase-caps';
import { FiledPurchaseResolver } from './filing/filed-purchase.resolver';
import { Listing } from './listing/listing.entity';
import { listingEventHandlers } from './listing/listing.events';
import { ListingResolver } from './listing/listing.resolver';
import { OrderCancelResolver } from './order/order-cancel.resolver';
import { OnlinePurchaseRateResolver } from './purchase-rate/online-purchase-rate';
import { ProductSelectionResolver } from './selection/consistency-selection';
import { BatchResolver } from './batch/batch.resolver';
import { resolveBatchReference } from './batch/batch.reference';
import { ProductAwardsResolver, WinningProductResolver } from './winning-product/winning-product.resolver';
import { resolveWinningProductReference } from './winning-product/winning-product.reference';
import { InstitutionCommunityResolver, MedicalCommunityResolver } from './medical-community/medical-community.resolver';
import { resolveMedicalCommunityReference } from './medical-community/medical-community.reference';
import { AgreedVolumeReallocationResolver, AgreedVolumeResolver } from './agreed-volume/agreed-volume.resolver';
import { CompletionItemResolver, CompletionProgressResolver, InstitutionCompletionResolver } from './completion/completion.resolver';
import { DEFAULT_SUBGRAPH_PORTS } from '../shared/subgraph-names';

/** Procurement (采购): catalogue, institutions, and later batches, volumes, orders and completion. */
export const procurementSubgraph: SubgraphDefinition<ProcurementLoaders> = {
  name: 'procurement',
  defaultPort: DEFAULT_SUBGRAPH_PORTS.procurement,
  entities: [Product, Institution, PurchaseOrder, OrderLine, Listing],
  permissions: procurementPermissions,
  rowScopes: {
    Product: 'the catalogue is public to every persona',
    Institution: 'regulators: their region subtree; an institution: itself, a medical community lead unit also its members; enterprises: entries their orders name (the list query is closed to them)',
    Order: 'regulators: their region subtree; an institution: its own (a medical community lead unit also its members’); a distributor: those it is to deliver; a manufacturer: those with its products',
    Batch: 'published procurement results, every persona',
    WinningProduct: 'published procurement results (winning prices are announced), every persona',
    MedicalCommunity: 'regulators: their region subtree; an institution: the community it belongs to; enterprises: none',
    AgreedVolume: 'regulators (medical insurance, health): their region subtree; an institution: its own, a medical community lead unit also its members’; a manufacturer: those of its own winning products; distributors: none (they learn coverage from AgreedVolumeSet events)',
    AgreedVolumeReallocation: 'regulators (medical insurance, health): their region subtree; an institution: moves from or to itself, a lead unit also its members’',
    CompletionProgress: 'the agreed volumes the caller may see (as AgreedVolume), aggregated only over those',
    JurisdictionPolicy: 'published policy, every persona',
    EventConsumerStatus: 'regulators only; the bus is not organisation data',
    Listing: 'published prices (公开挂网): every persona sees every listing; the change history is for regulators only',
    FiledPurchase: 'an institution: its own; medical-insurance and health regulators: their region subtree; nobody else',
    OnlinePurchaseRate: 'an institution: itself; medical-insurance and health regulators: institutions of their region subtree',
    OfficialCalendarDay: 'the published official calendar, every persona; only the national medical-insurance regulator sets it',
  },
  schema: once(() =>
    buildFederatedSchema({
      resolvers: [
        ProductResolver,
        InstitutionResolver,
        JurisdictionPolicyResolver,
        OrderResolver,
        OrderLineResolver,
        EventBusResolver,
        ListingResolver,
        ProductSelectionResolver,
        OrderCancelResolver,
        OfficialCalendarResolver,
        FiledPurchaseResolver,
        FiledPurchaseCapsResolver,
        OnlinePurchaseRateResolver,
        auditTrailResolver('procurement'),
        BatchResolver,
        WinningProductResolver,
        ProductAwardsResolver,
        MedicalCommunityResolver,
        InstitutionCommunityResolver,
        AgreedVolumeResolver,
        AgreedVolumeReallocationResolver,
        CompletionProgressResolver,
        CompletionItemResolver,
        InstitutionCompletionResolver,
      ],
      references: {
        Product: resolveProductReference,
        Institution: resolveInstitutionReference,
        JurisdictionPolicy: resolveJurisdictionPolicyReference,
        Order: resolveOrderReference,
        Batch: resolveBatchReference,
        WinningProduct: resolveWinningProductReference,
        MedicalCommunity: resolveMedicalCommunityReference,
      },
      permissions: procurementPermissions,
    }),
  ),
  createLoaders: createProcurementLoaders,
  eventHandlers: { ...orderEventHandlers, ...listingEventHandlers, ...enterpriseBanEventHandlers },
  seedDemoData: seedProcurementDemoData,
};
