import { buildFederatedSchema } from '../shared/graphql/federated-schema';
import { resolveJurisdictionPolicyReference } from '../shared/policy/jurisdiction-policy';
import { once, SubgraphDefinition } from '../shared/subgraph';
import { createInsuranceLoaders, InsuranceLoaders } from './context';
import { seedInsuranceDemoData } from './demo-data';
import { PaymentStandard } from './payment-standard/payment-standard.entity';
import { PaymentStandardResolver, ProductPaymentStandardResolver } from './payment-standard/payment-standard.resolver';
import { insurancePermissions } from './permissions';
import { JurisdictionPolicyResolver } from './policy/jurisdiction-policy.resolver';
import { JurisdictionPolicy } from './policy/jurisdiction-policy.type';
import { resolveProductReference } from './product/product.stub';
import { Settlement, SettlementLine } from './settlement/settlement.entity';
import { settlementEventHandlers } from './settlement/settlement.events';
import { SettlementLineResolver, SettlementResolver } from './settlement/settlement.resolver';

/** Insurance payment (医保支付): payment standards, and later prepayment, settlement and rankings. */
export const insuranceSubgraph: SubgraphDefinition<InsuranceLoaders> = {
  name: 'insurance',
  defaultPort: 4002,
  entities: [PaymentStandard, Settlement, SettlementLine],
  permissions: insurancePermissions,
  rowScopes: {
    PaymentStandard: 'published standards, every persona',
    Settlement: 'insurance and finance regulators: their region subtree; an institution: its payables; an enterprise: its receivables',
    JurisdictionPolicy: 'published policy, every persona',
  },
  schema: once(() =>
    buildFederatedSchema({
      resolvers: [PaymentStandardResolver, ProductPaymentStandardResolver, JurisdictionPolicyResolver, SettlementResolver, SettlementLineResolver],
      orphanedTypes: [JurisdictionPolicy],
      references: { Product: resolveProductReference, JurisdictionPolicy: resolveJurisdictionPolicyReference },
      permissions: insurancePermissions,
    }),
  ),
  createLoaders: createInsuranceLoaders,
  eventHandlers: settlementEventHandlers,
  seedDemoData: seedInsuranceDemoData,
};
