import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { DateScalar, todayInChina } from '../../shared/graphql/scalars';
import { inherit, versionsFor } from '../../shared/policy/jurisdiction-policy';
import { requireRegionCode } from '../../shared/validation';
import type { ProcurementContext } from '../context';
import {
  AgreedVolumeBasisPolicy,
  ContractRenewalPolicy,
  FiledPurchaseRegistrationPolicy,
  JurisdictionPolicy,
  MonitoringCadencePolicy,
} from './jurisdiction-policy.type';

@Resolver(() => JurisdictionPolicy)
export class JurisdictionPolicyResolver {
  @Query(() => JurisdictionPolicy, {
    description: 'The policy parameters in force in a region on a date (default: today in China), each inherited from the nearest region that sets it.',
  })
  jurisdictionPolicy(
    @Arg('regionCode', () => String, { description: 'GB/T 2260 code, e.g. 341702 for Guichi district.' }) regionCode: string,
    @Arg('on', () => DateScalar, { nullable: true, description: 'The date to read the policy for; defaults to today.' }) on?: string,
  ): JurisdictionPolicy {
    return { regionCode: requireRegionCode(regionCode), effectiveOn: on ?? todayInChina() };
  }

  @FieldResolver(() => FiledPurchaseRegistrationPolicy, { nullable: true, description: 'G-06; null when no region up the chain sets it.' })
  async filedPurchaseRegistration(@Root() policy: JurisdictionPolicy, @Ctx() ctx: ProcurementContext) {
    const g = inherit(await versionsFor(ctx.loaders.policyVersions, policy), 'filed_purchase_working_days');
    return g && { workingDays: g.row.filed_purchase_working_days, source: g.source };
  }

  @FieldResolver(() => AgreedVolumeBasisPolicy, { nullable: true, description: 'G-09; null when no region up the chain sets it.' })
  async agreedVolumeBasis(@Root() policy: JurisdictionPolicy, @Ctx() ctx: ProcurementContext) {
    const g = inherit(await versionsFor(ctx.loaders.policyVersions, policy), 'agreed_volume_basis');
    return (
      g && {
        description: g.row.agreed_volume_basis,
        minShareOfLastYearUse: g.row.agreed_volume_min_share,
        maxShareOfLastYearUse: g.row.agreed_volume_max_share,
        source: g.source,
      }
    );
  }

  @FieldResolver(() => ContractRenewalPolicy, { nullable: true, description: 'G-10; null when no region up the chain sets it.' })
  async contractRenewal(@Root() policy: JurisdictionPolicy, @Ctx() ctx: ProcurementContext) {
    const g = inherit(await versionsFor(ctx.loaders.policyVersions, policy), 'contract_renewal');
    return g && { rule: g.row.contract_renewal, source: g.source };
  }

  @FieldResolver(() => MonitoringCadencePolicy, { nullable: true, description: 'G-11; null when no region up the chain sets it.' })
  async monitoringCadence(@Root() policy: JurisdictionPolicy, @Ctx() ctx: ProcurementContext) {
    const g = inherit(await versionsFor(ctx.loaders.policyVersions, policy), 'monitoring_cadence');
    return (
      g && {
        monitoring: g.row.monitoring_cadence,
        assessment: g.row.assessment_cadence,
        settlement: g.row.settlement_cadence,
        source: g.source,
      }
    );
  }
}
