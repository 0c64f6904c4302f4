import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { inherit, versionsFor } from '../../shared/policy/jurisdiction-policy';
import type { DistributionContext } from '../context';
import { DeliveryTimeLimitPolicy, DistributorCapPolicy, JurisdictionPolicy, ReceiptConfirmationPolicy } from './jurisdiction-policy.type';

@Resolver(() => JurisdictionPolicy)
export class JurisdictionPolicyResolver {
  @FieldResolver(() => ReceiptConfirmationPolicy, { nullable: true, description: 'G-05; null when no region up the chain sets it.' })
  async receiptConfirmation(@Root() policy: JurisdictionPolicy, @Ctx() ctx: DistributionContext) {
    const g = inherit(await versionsFor(ctx.loaders.policyVersions, policy), 'receipt_confirmation_hours');
    return g && { hours: g.row.receipt_confirmation_hours, source: g.source };
  }

  @FieldResolver(() => DistributorCapPolicy, { nullable: true, description: 'G-07; null when no region up the chain sets it.' })
  async distributorCap(@Root() policy: JurisdictionPolicy, @Ctx() ctx: DistributionContext) {
    const g = inherit(await versionsFor(ctx.loaders.policyVersions, policy), 'distributor_cap_drugs');
    return g && { drugs: g.row.distributor_cap_drugs, consumables: g.row.distributor_cap_consumables, source: g.source };
  }

  @FieldResolver(() => DeliveryTimeLimitPolicy, { nullable: true, description: 'D-04 delivery time limits; null when no region up the chain sets them.' })
  async deliveryTimeLimit(@Root() policy: JurisdictionPolicy, @Ctx() ctx: DistributionContext) {
    const g = inherit(await versionsFor(ctx.loaders.policyVersions, policy), 'delivery_limit_hours');
    return g && { hours: g.row.delivery_limit_hours, emergencyHours: g.row.emergency_delivery_limit_hours ?? null, remoteAreaHours: g.row.remote_delivery_limit_hours ?? null, source: g.source };
  }
}
