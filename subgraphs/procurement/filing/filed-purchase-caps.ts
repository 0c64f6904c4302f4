import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { DecimalScalar } from '../../shared/graphql/scalars';
import { inherit, PolicyRow, PolicySource, ResolvedGroup, versionsFor } from '../../shared/policy/jurisdiction-policy';
import type { ProcurementContext } from '../context';
import { JurisdictionPolicy } from '../policy/jurisdiction-policy.type';

/** The P-07 caps are one group: the version that sets the drug amount share sets all three. */
export function filedPurchaseCaps(versions: PolicyRow[]): ResolvedGroup {
  return inherit(versions, 'filed_drug_amount_share');
}

@ObjectType({ description: 'P-07 caps on filed (off-list) purchases (备案采购限额), as shares of the institution’s purchases of the year (Guangdong 2025).' })
export class FiledPurchaseCapsPolicy {
  @Field(() => DecimalScalar, { description: 'Filed drug purchases at most this share of the year’s drug purchase amount, e.g. "0.01".' })
  drugAmountShare: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Filed drug varieties at most this share of the regular drug varieties, e.g. "0.05"; null when the policy sets none.' })
  drugVarietyShare: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Filed consumable purchases at most this share of the year’s consumable amount, e.g. "0.05"; null when the policy sets none.' })
  consumableAmountShare: string | null;

  @Field(() => PolicySource, { description: 'Where these values were set.' })
  source: PolicySource;
}

@Resolver(() => JurisdictionPolicy)
export class FiledPurchaseCapsResolver {
  @FieldResolver(() => FiledPurchaseCapsPolicy, { nullable: true, description: 'P-07 caps on filed purchases; null when no region up the chain sets them (no cap applies).' })
  async filedPurchaseCaps(@Root() policy: JurisdictionPolicy, @Ctx() ctx: ProcurementContext) {
    const g = filedPurchaseCaps(await versionsFor(ctx.loaders.policyVersions, policy));
    return (
      g && {
        drugAmountShare: g.row.filed_drug_amount_share,
        drugVarietyShare: g.row.filed_drug_variety_share,
        consumableAmountShare: g.row.filed_consumable_amount_share,
        source: g.source,
      }
    );
  }
}
