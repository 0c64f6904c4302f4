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
import { Product } from './product/product.entity';
import { resolveProductReference } from './product/product.reference';
import { ProductResolver } from './product/product.resolver';

/** Procurement (采购): catalogue, institutions, and later batches, volumes, orders and completion. */
export const procurementSubgraph: SubgraphDefinition<ProcurementLoaders> = {
  name: 'procurement',
  defaultPort: 4001,
  entities: [Product, Institution],
  permissions: procurementPermissions,
  schema: once(() =>
    buildFederatedSchema({
      resolvers: [ProductResolver, InstitutionResolver, JurisdictionPolicyResolver],
      references: {
        Product: resolveProductReference,
        Institution: resolveInstitutionReference,
        JurisdictionPolicy: resolveJurisdictionPolicyReference,
      },
      permissions: procurementPermissions,
    }),
  ),
  createLoaders: createProcurementLoaders,
  seedDemoData: seedProcurementDemoData,
};
