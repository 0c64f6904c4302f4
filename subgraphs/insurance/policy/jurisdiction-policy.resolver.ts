import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { inherit, versionsFor } from '../../shared/policy/jurisdiction-policy';
import type { InsuranceContext } from '../context';
import {
  DirectSettlementPolicy,
  JurisdictionPolicy,
  PaymentTermPolicy,
  PrepaymentContinuationPolicy,
  PrepaymentDeadlinePolicy,
  PrepaymentRecoveryPolicy,
  PrepaymentSharePolicy,
  SurplusRetentionPolicy,
} from './jurisdiction-policy.type';

@Resolver(() => JurisdictionPolicy)
export class JurisdictionPolicyResolver {
  @FieldResolver(() => PrepaymentSharePolicy, { nullable: true, description: 'G-01; null when no region up the chain sets it.' })
  async prepaymentShare(@Root() policy: JurisdictionPolicy, @Ctx() ctx: InsuranceContext) {
    const g = inherit(await versionsFor(ctx.loaders.policyVersions, policy), 'prepayment_share_drugs');
    return (
      g && {
        drugs: g.row.prepayment_share_drugs,
        consumables: g.row.prepayment_share_consumables,
        isMinimum: g.row.prepayment_share_is_minimum === true,
        source: g.source,
      }
    );
  }

  @FieldResolver(() => PrepaymentDeadlinePolicy, { nullable: true, description: 'G-02; null when no region up the chain sets it.' })
  async prepaymentDeadline(@Root() policy: JurisdictionPolicy, @Ctx() ctx: InsuranceContext) {
    const g = inherit(await versionsFor(ctx.loaders.policyVersions, policy), 'prepayment_days');
    return g && { daysAfterAgreement: g.row.prepayment_days, source: g.source };
  }

  @FieldResolver(() => PrepaymentRecoveryPolicy, { nullable: true, description: 'G-03; null when no region up the chain sets it.' })
  async prepaymentRecovery(@Root() policy: JurisdictionPolicy, @Ctx() ctx: InsuranceContext) {
    const g = inherit(await versionsFor(ctx.loaders.policyVersions, policy), 'prepayment_offset_against_claims');
    return (
      g && {
        offsetAgainstClaims: g.row.prepayment_offset_against_claims,
        leftoverRecoveryMonths: g.row.prepayment_leftover_recovery_months,
        source: g.source,
      }
    );
  }

  @FieldResolver(() => PrepaymentContinuationPolicy, { nullable: true, description: 'I-05; null when no region up the chain says.' })
  async prepaymentAfterCompletion(@Root() policy: JurisdictionPolicy, @Ctx() ctx: InsuranceContext) {
    const g = inherit(await versionsFor(ctx.loaders.policyVersions, policy), 'prepayment_continues_after_completion');
    return g && { continues: g.row.prepayment_continues_after_completion, source: g.source };
  }

  @FieldResolver(() => PaymentTermPolicy, { nullable: true, description: 'G-04; null when no region up the chain sets it.' })
  async paymentTerm(@Root() policy: JurisdictionPolicy, @Ctx() ctx: InsuranceContext) {
    const g = inherit(await versionsFor(ctx.loaders.policyVersions, policy), 'payment_term_basis');
    return g && { basis: g.row.payment_term_basis, days: g.row.payment_term_days, source: g.source };
  }

  @FieldResolver(() => SurplusRetentionPolicy, { nullable: true, description: 'I-07; null when no region up the chain sets a share.' })
  async surplusRetention(@Root() policy: JurisdictionPolicy, @Ctx() ctx: InsuranceContext) {
    const g = inherit(await versionsFor(ctx.loaders.policyVersions, policy), 'surplus_retention_share');
    return g && { share: g.row.surplus_retention_share, source: g.source };
  }

  @FieldResolver(() => DirectSettlementPolicy, { nullable: true, description: 'I-08; null when no region up the chain says (the institution pays).' })
  async directSettlement(@Root() policy: JurisdictionPolicy, @Ctx() ctx: InsuranceContext) {
    const g = inherit(await versionsFor(ctx.loaders.policyVersions, policy), 'direct_settlement_pilot');
    return g && { pilot: g.row.direct_settlement_pilot, source: g.source };
  }
}
