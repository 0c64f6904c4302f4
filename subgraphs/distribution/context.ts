import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../shared/context';
import { createPolicyVersionsLoader } from '../shared/policy/jurisdiction-policy';
import { createDeliveryByOrderLoader, createDeliveryLinesLoader, createDeliveryLoader } from './delivery/delivery.loader';
import { createEnterpriseLoader } from './enterprise/enterprise.loader';
import { createDiscrepancyLoader, createReceiptLineLoader, createTraceabilityCodeLoader } from './receipt/receipt.loader';

/** The distribution subgraph's per-request DataLoaders. */
export function createDistributionLoaders(db: EntityManager, ctx: Omit<RequestContext, 'loaders' | 'db'>) {
  return {
    enterpriseById: createEnterpriseLoader(db),
    policyVersions: createPolicyVersionsLoader(db, 'distribution.jurisdiction_policy'),
    deliveryById: createDeliveryLoader(db, ctx.identity),
    deliveryByOrder: createDeliveryByOrderLoader(db, ctx.identity),
    deliveryLines: createDeliveryLinesLoader(db),
    receiptLines: createReceiptLineLoader(db),
    discrepancies: createDiscrepancyLoader(db),
    traceabilityCodes: createTraceabilityCodeLoader(db),
  };
}

export type DistributionLoaders = ReturnType<typeof createDistributionLoaders>;
export type DistributionContext = RequestContext<DistributionLoaders>;
