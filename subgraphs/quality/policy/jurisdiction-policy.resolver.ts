import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { inherit, versionsFor } from '../../shared/policy/jurisdiction-policy';
import type { QualityContext } from '../context';
import { DishonestyBanPolicy, JurisdictionPolicy, PriceRiskThresholdsPolicy } from './jurisdiction-policy.type';

@Resolver(() => JurisdictionPolicy)
export class JurisdictionPolicyResolver {
  @FieldResolver(() => DishonestyBanPolicy, { nullable: true, description: 'G-08; null when no region up the chain sets it.' })
  async dishonestyBan(@Root() policy: JurisdictionPolicy, @Ctx() ctx: QualityContext) {
    const g = inherit(await versionsFor(ctx.loaders.policyVersions, policy), 'dishonesty_ban_years');
    return g && { years: g.row.dishonesty_ban_years, scope: g.row.dishonesty_ban_scope, source: g.source };
  }

  @FieldResolver(() => PriceRiskThresholdsPolicy, { nullable: true, description: 'Q-05 detection thresholds; null when no region up the chain sets them.' })
  async priceRiskThresholds(@Root() policy: JurisdictionPolicy, @Ctx() ctx: QualityContext) {
    const g = inherit(await versionsFor(ctx.loaders.policyVersions, policy), 'price_risk_sales_growth');
    if (!g) return null;
    const r = g.row;
    return {
      salesGrowth: r.price_risk_sales_growth === null ? null : String(r.price_risk_sales_growth),
      priceRises: r.price_risk_rises === null ? null : Number(r.price_risk_rises),
      windowMonths: r.price_risk_window_months === null ? null : Number(r.price_risk_window_months),
      note: (r.price_risk_note as string | null) ?? null,
      source: g.source,
    };
  }
}
