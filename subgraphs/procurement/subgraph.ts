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

/** Procurement (采购): catalogue, institutions, and later batches, volumes, orders and completion. */
export const procurementSubgraph: SubgraphDefinition<ProcurementLoaders> = {
  name: 'procurement',
  defaultPort: 4001,
  entities: [Product, Institution, PurchaseOrder, OrderLine],
  permissions: procurementPermissions,
  rowScopes: {
    Product: 'the catalogue is public to every persona',
    Institution: 'regulators: their region subtree; an institution: itself; enterprises: entries their orders name (the list query is closed to them)',
    Order: 'regulators: their region subtree; an institution: its own; a distributor: those it is to deliver; a manufacturer: those with its products',
    JurisdictionPolicy: 'published policy, every persona',
    EventConsumerStatus: 'regulators only; the bus is not organisation data',
  },
  schema: once(() =>
    buildFederatedSchema({
      resolvers: [ProductResolver, InstitutionResolver, JurisdictionPolicyResolver, OrderResolver, OrderLineResolver, EventBusResolver],
      references: {
        Product: resolveProductReference,
        Institution: resolveInstitutionReference,
        JurisdictionPolicy: resolveJurisdictionPolicyReference,
        Order: resolveOrderReference,
      },
      permissions: procurementPermissions,
    }),
  ),
  createLoaders: createProcurementLoaders,
  eventHandlers: orderEventHandlers,
  seedDemoData: seedProcurementDemoData,
};
