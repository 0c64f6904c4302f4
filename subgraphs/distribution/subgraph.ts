import { auditTrailResolver } from '../shared/audit/audit-trail.resolver';
import { buildFederatedSchema } from '../shared/graphql/federated-schema';
import { resolveJurisdictionPolicyReference } from '../shared/policy/jurisdiction-policy';
import { once, SubgraphDefinition } from '../shared/subgraph';
import { DistributorAuthorization } from './authorization/authorization.entity';
import { authorizationEventHandlers } from './authorization/authorization.events';
import { DistributorAuthorizationResolver, UncoveredInstitutionResolver } from './authorization/authorization.resolver';
import { referenceByKey } from '../shared/graphql/entity-reference';
import { createDistributionLoaders, DistributionLoaders } from './context';
import { seedDistributionDemoData } from './demo-data';
import { Delivery, DeliveryLine } from './delivery/delivery.entity';
import { deliveryEventHandlers } from './delivery/delivery.events';
import { orderCancelledEventHandlers } from './delivery/order-cancelled.events';
import { DeliveryLineResolver, DeliveryResolver, OrderDeliveryResolver, resolveDeliveryReference } from './delivery/delivery.resolver';
import { Enterprise } from './enterprise/enterprise.entity';
import { resolveEnterpriseReference } from './enterprise/enterprise.reference';
import { EnterpriseResolver } from './enterprise/enterprise.resolver';
import { OverdueOrderResolver } from './overdue/overdue.resolver';
import { distributionPermissions } from './permissions';
import { JurisdictionPolicyResolver } from './policy/jurisdiction-policy.resolver';
import { JurisdictionPolicy } from './policy/jurisdiction-policy.type';
import { DeliveryDiscrepancy, ReceiptLine } from './receipt/receipt.entity';
import { CapacityReport, ProductionStop, StockLevel, StockReport } from './stock/stock.entity';
import { CapacityReportResolver, ProductionStopResolver, StockLevelResolver } from './stock/stock.resolver';
import { TraceabilityCode } from './traceability/traceability.entity';
import { TraceabilityCodeResolver } from './traceability/traceability.resolver';
import { DEFAULT_SUBGRAPH_PORTS } from '../shared/subgraph-names';

const SUPPLY_REGULATORS = 'regulators of industry, commerce, market regulation, medical insurance and health: their region subtree';

/** Distribution enterprises (配送): manufacturers and distributors, authorisations, deliveries and receipts, stock and capacity. */
export const distributionSubgraph: SubgraphDefinition<DistributionLoaders> = {
  name: 'distribution',
  defaultPort: DEFAULT_SUBGRAPH_PORTS.distribution,
  entities: [
    Enterprise, Delivery, DeliveryLine, DistributorAuthorization, DeliveryDiscrepancy, ReceiptLine, TraceabilityCode,
    StockLevel, StockReport, CapacityReport, ProductionStop,
  ],
  permissions: distributionPermissions,
  rowScopes: {
    Enterprise: 'the directory (name, credit code, region, standing) is public to every persona',
    Delivery: 'regulators: their region subtree; a distributor: its own; an institution: those to it; a manufacturer: those carrying its products',
    DeliveryDiscrepancy: 'whoever sees the delivery (its distributor, the receiving institution, the manufacturers of its products, regulators of its region)',
    ReceiptLine: 'whoever sees the delivery',
    TraceabilityCode: 'whoever sees the delivery that carried the pack',
    DistributorAuthorization: `the manufacturer that granted it, the distributor holding it, institutions its area covers, ${SUPPLY_REGULATORS} (pooling region or area)`,
    UncoveredInstitution: `the manufacturer of the winning product; ${SUPPLY_REGULATORS} (institutions of their region)`,
    OverdueOrder: 'regulators: their region subtree; a distributor: its own orders; an institution: its own; a manufacturer: orders carrying its products',
    StockLevel: `the reporting enterprise; ${SUPPLY_REGULATORS} (region of the stock)`,
    StockReport: 'the reporting enterprise only (the answer to its own reportStock)',
    CapacityReport: `the reporting manufacturer; ${SUPPLY_REGULATORS}`,
    ProductionStop: `the reporting manufacturer; ${SUPPLY_REGULATORS} (any affected region)`,
    JurisdictionPolicy: 'published policy, every persona',
  },
  schema: once(() =>
    buildFederatedSchema({
      resolvers: [
        EnterpriseResolver, JurisdictionPolicyResolver, DeliveryResolver, DeliveryLineResolver, OrderDeliveryResolver, DistributorAuthorizationResolver, UncoveredInstitutionResolver,
        OverdueOrderResolver, StockLevelResolver, CapacityReportResolver, ProductionStopResolver, TraceabilityCodeResolver, auditTrailResolver('distribution'),
      ],
      orphanedTypes: [JurisdictionPolicy],
      references: {
        Enterprise: resolveEnterpriseReference,
        Delivery: resolveDeliveryReference,
        Order: referenceByKey,
        JurisdictionPolicy: resolveJurisdictionPolicyReference,
      },
      permissions: distributionPermissions,
    }),
  ),
  createLoaders: createDistributionLoaders,
  eventHandlers: { ...deliveryEventHandlers, ...authorizationEventHandlers, ...orderCancelledEventHandlers },
  seedDemoData: seedDistributionDemoData,
};
