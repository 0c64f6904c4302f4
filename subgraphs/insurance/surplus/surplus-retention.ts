import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../shared/auth/identity';
import { errors } from '../../shared/errors';
import type { EntityReference } from '../../shared/graphql/entity-reference';
import { decimalText, Money, todayInChina } from '../../shared/graphql/scalars';
import { inherit } from '../../shared/policy/jurisdiction-policy';
import { regionLikePattern } from '../../shared/region';
import { requireId } from '../../shared/validation';
import type { InsuranceContext } from '../context';
import { policyVersionsOn } from '../prepayment/prepayment.policy';
import { Institution } from '../references/stubs';
import { AgreedVolumeCompletion, SurplusRetention, SurplusSavingLine } from './surplus-retention.type';

/** The region chain of a region code, in SQL: the region, its city, its province, the nation. */
const chainOf = (column: string) => `ARRAY[${column}, left(${column}, 4) || '00', left(${column}, 2) || '0000', '000000']`;

/**
 * The institution's region if the caller may see it, found in SQL under the caller's scope: the
 * institution itself, or a medical-insurance/finance regulator whose region contains it. NOT_FOUND otherwise,
 * exactly as for an institution insurance knows nothing about.
 */
async function institutionRegionInScope(ctx: InsuranceContext, institutionId: string): Promise<string> {
  const identity = ctx.identity!;
  const [scopeSql, scopeParam] =
    identity.role === Role.INSTITUTION ? ['institution_id = $2', identity.org] : ['region_code LIKE $2', regionLikePattern(identity.region!)];
  const [row] = await ctx.db.query(
    `SELECT region_code FROM (
       SELECT institution_id, region_code FROM insurance.settlement WHERE institution_id = $1
       UNION ALL SELECT institution_id, region_code FROM insurance.agreed_volume WHERE institution_id = $1
     ) known WHERE ${scopeSql} LIMIT 1`,
    [institutionId, scopeParam],
  );
  if (!row) throw errors.notFound('Institution', institutionId);
  return row.region_code;
}

/**
 * I-07: savings = (payment standard in force the day before the batch cycle − price paid) × units received
 * in the year, per winning product (the reading of Shaoguan, Guichi and Chongqing: the fund spends less
 * because the price fell, and the institution keeps it); retained = savings × the policy's share. Also the
 * Chongqing consequence: an agreed volume whose contract year ended short means a smaller budget next year.
 */
export async function surplusRetention(ctx: InsuranceContext, institutionIdArg: string, year: number): Promise<SurplusRetention> {
  const institutionId = requireId(institutionIdArg, 'institutionId');
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw errors.badInput('year must be a whole year from 2000 to 2100', { field: 'year' });
  const regionCode = await institutionRegionInScope(ctx, institutionId);
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const today = todayInChina();

  const purchases: Array<Record<string, string>> = await ctx.db.query(
    `WITH purchase AS (
       SELECT l.product_id, s.region_code, w.cycle_start, sum(l.quantity) AS quantity, sum(l.amount) AS amount_paid
         FROM insurance.settlement s
         JOIN insurance.settlement_line l ON l.settlement_id = s.id
         JOIN LATERAL (
           SELECT w.cycle_start FROM insurance.winning_product w
            WHERE w.product_id = l.product_id AND s.accepted_on BETWEEN w.cycle_start AND w.cycle_end AND w.region_codes && ${chainOf('s.region_code')}
            ORDER BY w.cycle_start DESC LIMIT 1
         ) w ON true
        WHERE s.institution_id = $1 AND s.accepted_on BETWEEN $2 AND $3
        GROUP BY l.product_id, s.region_code, w.cycle_start
     )
     SELECT p.product_id, p.cycle_start, p.quantity, p.amount_paid, b.amount AS baseline, b.region_code AS baseline_region
       FROM purchase p
       LEFT JOIN LATERAL (
         SELECT ps.amount, ps.region_code FROM insurance.payment_standard ps
          WHERE ps.product_id = p.product_id AND ps.region_code = ANY(${chainOf('p.region_code')})
            AND ps.effective_from <= p.cycle_start - 1 AND (ps.effective_to IS NULL OR ps.effective_to >= p.cycle_start - 1)
          ORDER BY array_position(${chainOf('p.region_code')}, ps.region_code) LIMIT 1
       ) b ON true
      ORDER BY p.product_id, p.cycle_start`,
    [institutionId, from, to],
  );
  const lines: SurplusSavingLine[] = purchases.map((p) => ({
    productId: p.product_id,
    product: { id: p.product_id },
    quantity: Number(p.quantity),
    amountPaid: decimalText(p.amount_paid),
    cycleStart: p.cycle_start,
    baselineStandard: p.baseline === null ? null : decimalText(p.baseline),
    baselineRegionCode: p.baseline_region,
    savings: p.baseline === null ? '0' : decimalText(new Money(p.baseline).times(p.quantity).minus(p.amount_paid)),
  }));
  const totalSavings = lines.reduce((sum, l) => sum.plus(l.savings), new Money(0));

  const share = inherit(await policyVersionsOn(ctx.db, regionCode, to < today ? to : today), 'surplus_retention_share');
  const retentionShare = share ? decimalText(share.row.surplus_retention_share as string) : null;

  const volumes: Array<Record<string, string>> = await ctx.db.query(
    `SELECT a.product_id, a.contract_year_start, a.contract_year_end, a.quantity AS agreed,
            (SELECT coalesce(sum(l.quantity), 0) FROM insurance.settlement s JOIN insurance.settlement_line l ON l.settlement_id = s.id
              WHERE s.institution_id = a.institution_id AND l.product_id = a.product_id
                AND s.accepted_on BETWEEN a.contract_year_start AND a.contract_year_end) AS purchased
       FROM insurance.agreed_volume a
      WHERE a.institution_id = $1 AND a.contract_year_start <= $3 AND a.contract_year_end >= $2
      ORDER BY a.contract_year_start, a.product_id`,
    [institutionId, from, to],
  );
  const agreedVolumes: AgreedVolumeCompletion[] = volumes.map((v) => {
    const agreed = Number(v.agreed);
    const purchased = Number(v.purchased);
    const ended = v.contract_year_end < today;
    return {
      productId: v.product_id,
      product: { id: v.product_id },
      contractYearStart: v.contract_year_start,
      contractYearEnd: v.contract_year_end,
      agreedQuantity: agreed,
      purchasedQuantity: purchased,
      completion: decimalText(agreed === 0 ? 1 : new Money(purchased).div(agreed).toDecimalPlaces(4)),
      contractYearEnded: ended,
      missed: ended && purchased < agreed,
    };
  });

  return {
    institutionId,
    year,
    lines,
    totalSavings: decimalText(totalSavings),
    retentionShare,
    retentionPolicyDocument: share?.source.document ?? null,
    retainedAmount: retentionShare === null ? null : decimalText(totalSavings.times(retentionShare)),
    agreedVolumes,
    budgetReductionExpected: agreedVolumes.some((v) => v.missed),
  };
}

@Resolver(() => SurplusRetention)
export class SurplusRetentionResolver {
  @Query(() => SurplusRetention, {
    nullable: true,
    description: 'I-07: an institution’s savings from winning products in a year, what it retains, and whether missed agreed volumes will shrink next year’s budget; null with NOT_FOUND outside the caller’s scope.',
  })
  surplusRetention(
    @Ctx() ctx: InsuranceContext,
    @Arg('institutionId', () => ID, { description: 'The institution (itself, or one in the regulator’s region).' }) institutionId: string,
    @Arg('year', () => Int, { description: 'The calendar year.' }) year: number,
  ) {
    return surplusRetention(ctx, institutionId, year);
  }

  @FieldResolver(() => Institution, { description: 'The institution, resolved by the procurement subgraph.' })
  institution(@Root() s: SurplusRetention): EntityReference {
    return { id: s.institutionId };
  }
}
