import type { DataSource } from 'typeorm';
import type { RequestContext } from '../shared/context';
import { createPolicyVersionsLoader } from '../shared/policy/jurisdiction-policy';
import { createInstitutionLoader } from './institution/institution.loader';
import { createOrderLinesLoader, createOrderLoader } from './order/order.loader';
import { createProductLoader } from './product/product.loader';

/** The procurement subgraph's per-request DataLoaders. */
export function createProcurementLoaders(db: DataSource, ctx: Omit<RequestContext, 'loaders' | 'db'>) {
  return {
    productById: createProductLoader(db),
    institutionById: createInstitutionLoader(db, ctx.identity),
    policyVersions: createPolicyVersionsLoader(db, 'procurement.jurisdiction_policy'),
    orderById: createOrderLoader(db, ctx.identity),
    orderLines: createOrderLinesLoader(db),
  };
}

export type ProcurementLoaders = ReturnType<typeof createProcurementLoaders>;
export type ProcurementContext = RequestContext<ProcurementLoaders>;
