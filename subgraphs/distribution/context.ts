import type { DataSource } from 'typeorm';
import type { RequestContext } from '../shared/context';
import { createPolicyVersionsLoader } from '../shared/policy/jurisdiction-policy';
import { createEnterpriseLoader } from './enterprise/enterprise.loader';

/** The distribution subgraph's per-request DataLoaders. */
export function createDistributionLoaders(db: DataSource, _ctx: Omit<RequestContext, 'loaders' | 'db'>) {
  return {
    enterpriseById: createEnterpriseLoader(db),
    policyVersions: createPolicyVersionsLoader(db, 'distribution.jurisdiction_policy'),
  };
}

export type DistributionLoaders = ReturnType<typeof createDistributionLoaders>;
export type DistributionContext = RequestContext<DistributionLoaders>;
