import { buildFederatedSchema } from '../shared/graphql/federated-schema';
import { resolveJurisdictionPolicyReference } from '../shared/policy/jurisdiction-policy';
import { once, SubgraphDefinition } from '../shared/subgraph';
import { createDistributionLoaders, DistributionLoaders } from './context';
import { seedDistributionDemoData } from './demo-data';
import { Delivery, DeliveryLine } from './delivery/delivery.entity';
import { deliveryEventHandlers } from './delivery/delivery.events';
import { DeliveryLineResolver, DeliveryResolver, resolveDeliveryReference } from './delivery/delivery.resolver';
import { Enterprise } from './enterprise/enterprise.entity';
import { resolveEnterpriseReference } from './enterprise/enterprise.reference';
import { EnterpriseResolver } from './enterprise/enterprise.resolver';
import { distributionPermissions } from './permissions';
import { JurisdictionPolicyResolver } from './policy/jurisdiction-policy.resolver';
import { JurisdictionPolicy } from './policy/jurisdiction-policy.type';

/** Distribution enterprises (配送): manufacturers and distributors, and later authorisations, deliveries and stock. */
export const distributionSubgraph: SubgraphDefinition<DistributionLoaders> = {
  name: 'distribution',
  defaultPort: 4004,
  entities: [Enterprise, Delivery, DeliveryLine],
  permissions: distributionPermissions,
  rowScopes: {
    Enterprise: 'the directory (name, credit code, region, standing) is public to every persona',
    Delivery: 'regulators: their region subtree; a distributor: its own; an institution: those to it; a manufacturer: those carrying its products',
    JurisdictionPolicy: 'published policy, every persona',
  },
  schema: once(() =>
    buildFederatedSchema({
      resolvers: [EnterpriseResolver, JurisdictionPolicyResolver, DeliveryResolver, DeliveryLineResolver],
      orphanedTypes: [JurisdictionPolicy],
      references: {
        Enterprise: resolveEnterpriseReference,
        Delivery: resolveDeliveryReference,
        JurisdictionPolicy: resolveJurisdictionPolicyReference,
      },
      permissions: distributionPermissions,
    }),
  ),
  createLoaders: createDistributionLoaders,
  eventHandlers: deliveryEventHandlers,
  seedDemoData: seedDistributionDemoData,
};
