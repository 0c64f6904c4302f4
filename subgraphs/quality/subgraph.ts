import { buildFederatedSchema } from '../shared/graphql/federated-schema';
import { resolveJurisdictionPolicyReference } from '../shared/policy/jurisdiction-policy';
import { once, SubgraphDefinition } from '../shared/subgraph';
import { createQualityLoaders, QualityLoaders } from './context';
import { seedQualityDemoData } from './demo-data';
import { Inspection } from './inspection/inspection.entity';
import { resolveInspectionReference } from './inspection/inspection.reference';
import { InspectionResolver, ProductInspectionsResolver } from './inspection/inspection.resolver';
import { qualityPermissions } from './permissions';
import { JurisdictionPolicyResolver } from './policy/jurisdiction-policy.resolver';
import { JurisdictionPolicy } from './policy/jurisdiction-policy.type';
import { resolveProductReference } from './product/product.stub';

/** Quality supervision (质量监管): inspections, and later incidents, credit, bans, price risk and shortages. */
export const qualitySubgraph: SubgraphDefinition<QualityLoaders> = {
  name: 'quality',
  defaultPort: 4003,
  entities: [Inspection],
  permissions: qualityPermissions,
  rowScopes: {
    Inspection: 'market-regulation and health regulators: samples taken in their region subtree; a manufacturer: its products; an institution or distributor: samples taken on its premises',
    JurisdictionPolicy: 'published policy, every persona',
  },
  schema: once(() =>
    buildFederatedSchema({
      resolvers: [InspectionResolver, ProductInspectionsResolver, JurisdictionPolicyResolver],
      orphanedTypes: [JurisdictionPolicy],
      references: {
        Inspection: resolveInspectionReference,
        Product: resolveProductReference,
        JurisdictionPolicy: resolveJurisdictionPolicyReference,
      },
      permissions: qualityPermissions,
    }),
  ),
  createLoaders: createQualityLoaders,
  eventHandlers: {},
  seedDemoData: seedQualityDemoData,
};
