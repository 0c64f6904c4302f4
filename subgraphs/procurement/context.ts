import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../shared/context';
import { createPolicyVersionsLoader } from '../shared/policy/jurisdiction-policy';
import { createInstitutionLoader } from './institution/institution.loader';
import { createOrderLinesLoader, createOrderLoader } from './order/order.loader';
import { createListingHistoryLoader, createListingLoader } from './listing/listing.loader';
import { createProductLoader } from './product/product.loader';
import { createProductSelectionLoader } from './selection/consistency-selection';
import { createBatchLoader } from './batch/batch.loader';
import { createWinningProductLoader, createWinningProductsByLoader } from './winning-product/winning-product.loader';
import { createCommunityMembersLoader, createMedicalCommunityLoader } from './medical-community/medical-community.loader';
import { createAgreedVolumeBasisLoader } from './agreed-volume/agreed-volume.basis';

/** The procurement subgraph's per-request DataLoaders. */
export function createProcurementLoaders(db: EntityManager, ctx: Omit<RequestContext, 'loaders' | 'db'>) {
  return {
    productById: createProductLoader(db),
    institutionById: createInstitutionLoader(db, ctx.identity),
    policyVersions: createPolicyVersionsLoader(db, 'procurement.jurisdiction_policy'),
    orderById: createOrderLoader(db, ctx.identity),
    orderLines: createOrderLinesLoader(db),
    listingById: createListingLoader(db),
    listingHistory: createListingHistoryLoader(db),
    productSelection: createProductSelectionLoader(db),
    batchById: createBatchLoader(db),
    winningProductById: createWinningProductLoader(db),
    winningProductsByBatch: createWinningProductsByLoader(db, 'batch_id'),
    winningProductsByProduct: createWinningProductsByLoader(db, 'product_id'),
    medicalCommunityById: createMedicalCommunityLoader(db, ctx.identity),
    communityMembers: createCommunityMembersLoader(db, ctx.identity),
    agreedVolumeBasis: createAgreedVolumeBasisLoader(db),
  };
}

export type ProcurementLoaders = ReturnType<typeof createProcurementLoaders>;
export type ProcurementContext = RequestContext<ProcurementLoaders>;
