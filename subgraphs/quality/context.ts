import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../shared/context';
import { createPolicyVersionsLoader } from '../shared/policy/jurisdiction-policy';
import { createBansOfEnterpriseLoader } from './ban/ban.loader';
import { createInspectionLoader, createLatestInspectionsLoader } from './inspection/inspection.loader';

/** The quality subgraph's per-request DataLoaders. */
export function createQualityLoaders(db: EntityManager, ctx: Omit<RequestContext, 'loaders' | 'db'>) {
  return {
    inspectionById: createInspectionLoader(db, ctx.identity),
    latestInspections: createLatestInspectionsLoader(db, ctx.identity),
    policyVersions: createPolicyVersionsLoader(db, 'quality.jurisdiction_policy'),
    bansOfEnterprise: createBansOfEnterpriseLoader(db, ctx.identity),
  };
}

export type QualityLoaders = ReturnType<typeof createQualityLoaders>;
export type QualityContext = RequestContext<QualityLoaders>;
