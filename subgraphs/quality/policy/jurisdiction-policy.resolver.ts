import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { inherit, versionsFor } from '../../shared/policy/jurisdiction-policy';
import type { QualityContext } from '../context';
import { DishonestyBanPolicy, JurisdictionPolicy } from './jurisdiction-policy.type';

@Resolver(() => JurisdictionPolicy)
export class JurisdictionPolicyResolver {
  @FieldResolver(() => DishonestyBanPolicy, { nullable: true, description: 'G-08; null when no region up the chain sets it.' })
  async dishonestyBan(@Root() policy: JurisdictionPolicy, @Ctx() ctx: QualityContext) {
    const g = inherit(await versionsFor(ctx.loaders.policyVersions, policy), 'dishonesty_ban_years');
    return g && { years: g.row.dishonesty_ban_years, scope: g.row.dishonesty_ban_scope, source: g.source };
  }
}
