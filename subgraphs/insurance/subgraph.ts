import { auditTrailResolver } from '../shared/audit/audit-trail.resolver';
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
import { referenceByKey } from '../shared/graphql/entity-reference';
import { Settlement, SettlementLine } from './settlement/settlement.entity';
import { settlementEventHandlers } from './settlement/settlement.events';
import { DeliverySettlementResolver, SettlementLineResolver, SettlementResolver } from './settlement/settlement.resolver';
import { PaymentTimelinessResolver } from './settlement/payment-timeliness';
import { paymentStandardEventHandlers } from './payment-standard/payment-standard.events';
import { Prepayment, PrepaymentEntry } from './prepayment/prepayment.entity';
import { prepaymentEventHandlers } from './prepayment/prepayment.events';
import { PrepaymentResolver } from './prepayment/prepayment.resolver';
import { SurplusRetentionResolver } from './surplus/surplus-retention';
import { DEFAULT_SUBGRAPH_PORTS } from '../shared/subgraph-names';

/** Insurance payment (医保支付): payment standards, prepayment, settlement, timeliness ranking and surplus retention. */
export const insuranceSubgraph: SubgraphDefinition<InsuranceLoaders> = {
  name: 'insurance',
  defaultPort: DEFAULT_SUBGRAPH_PORTS.insurance,
  entities: [PaymentStandard, Settlement, SettlementLine, Prepayment, PrepaymentEntry],
  permissions: insurancePermissions,
  rowScopes: {
    PaymentStandard: 'published standards, every persona',
    Settlement: 'insurance and finance regulators: their region subtree; an institution: its payables; an enterprise: its receivables',
    JurisdictionPolicy: 'published policy, every persona',
    Prepayment: 'insurance and finance regulators: their region subtree; an institution: its own prepayments',
    PaymentTimelinessRank: 'an aggregate per institution: any regulator, for a region within its jurisdiction',
    SurplusRetention: 'the institution itself; insurance and finance regulators: institutions of their region subtree',
  },
  schema: once(() =>
    buildFederatedSchema({
      resolvers: [
        PaymentStandardResolver, ProductPaymentStandardResolver, JurisdictionPolicyResolver, SettlementResolver, SettlementLineResolver, DeliverySettlementResolver,
        PrepaymentResolver, PaymentTimelinessResolver, SurplusRetentionResolver, auditTrailResolver('insurance'),
      ],
      orphanedTypes: [JurisdictionPolicy],
      references: { Product: referenceByKey, Delivery: referenceByKey, JurisdictionPolicy: resolveJurisdictionPolicyReference },
      permissions: insurancePermissions,
    }),
  ),
  createLoaders: createInsuranceLoaders,
  eventHandlers: { ...settlementEventHandlers, ...paymentStandardEventHandlers, ...prepaymentEventHandlers },
  seedDemoData: seedInsuranceDemoData,
};
