import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../shared/context';
import { createPolicyVersionsLoader } from '../shared/policy/jurisdiction-policy';
import { createPaymentStandardLoader } from './payment-standard/payment-standard.loader';
import { createPrepaymentEntriesLoader } from './prepayment/prepayment.loader';
import { createSettlementByDeliveryLoader, createSettlementLinesLoader } from './settlement/settlement.loader';

/** The insurance subgraph's per-request DataLoaders. */
export function createInsuranceLoaders(db: EntityManager, ctx: Omit<RequestContext, 'loaders' | 'db'>) {
  return {
    paymentStandard: createPaymentStandardLoader(db),
    policyVersions: createPolicyVersionsLoader(db, 'insurance.jurisdiction_policy'),
    settlementLines: createSettlementLinesLoader(db),
    settlementByDelivery: createSettlementByDeliveryLoader(db, ctx.identity),
    prepaymentEntries: createPrepaymentEntriesLoader(db),
  };
}

export type InsuranceLoaders = ReturnType<typeof createInsuranceLoaders>;
export type InsuranceContext = RequestContext<InsuranceLoaders>;
