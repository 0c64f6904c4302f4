import type { DataSource } from 'typeorm';
import type { RequestContext } from '../shared/context';
import { createPolicyVersionsLoader } from '../shared/policy/jurisdiction-policy';
import { createDeliveryLinesLoader, createDeliveryLoader } from './delivery/delivery.loader';
import { createEnterpriseLoader } from './enterprise/enterprise.loader';

/** The distribution subgraph's per-request DataLoaders. */
export function createDistributionLoaders(db: DataSource, ctx: Omit<RequestContext, 'loaders' | 'db'>) {
  return {
    enterpriseById: createEnterpriseLoader(db),
    policyVersions: createPolicyVersionsLoader(db, 'distribution.jurisdiction_policy'),
    deliveryById: createDeliveryLoader(db, ctx.identity),
    deliveryLines: createDeliveryLinesLoader(db),
  };
}

export type DistributionLoaders = ReturnType<typeof createDistributionLoaders>;
export type DistributionContext = RequestContext<DistributionLoaders>;
