import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Connection, PageInput, pageRequest, toPage } from '../../shared/graphql/pagination';
import { DateScalar, DecimalScalar, parseIsoDate, todayInChina } from '../../shared/graphql/scalars';
import type { EntityReference } from '../../shared/graphql/entity-reference';
import { errors } from '../../shared/errors';
import { regionLikePattern, regionWithin } from '../../shared/region';
import { requireRegionCode } from '../../shared/validation';
import type { InsuranceContext } from '../context';
import { Institution } from '../references/stubs';

/** I-06: one institution's place in its region's payment-timeliness ranking. */
@ObjectType({ description: 'One institution’s payment timeliness (回款及时性) in a region and period, and its rank (I-06); an aggregate any regulator of the region may read.' })
export class PaymentTimelinessRank {
  institutionId: string;

  @Field(() => Int, { description: 'Rank, 1 = most timely; ties share a rank. Ordered by overdue count, then overdue amount, then average days to pay.' })
  rank: number;

  @Field(() => Int, { description: 'Position in the list (ties broken by institution id), the pagination key.' })
  position: number;

  @Field(() => Int, { description: 'Payables opened (deliveries accepted) in the period.' })
  payables: number;

  @Field(() => Int, { description: 'Of those, paid by the day judged on.' })
  paidCount: number;

  @Field(() => Int, { description: 'Of those, paid after the due date or still unpaid past it on the day judged on (逾期).' })
  overdueCount: number;

  @Field(() => DecimalScalar, { description: 'Amount of the overdue payables, in yuan.' })
  overdueAmount: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Average days from acceptance to payment over the paid ones, to one decimal; null when none was paid.' })
  averageDaysToPay: string | null;

  @Field(() => DateScalar, { description: 'The day statuses were judged on: the end of the period, or today if that is earlier.' })
  judgedOn: string;
}

@ObjectType({ description: 'A page of a payment-timeliness ranking.' })
export class PaymentTimelinessRankConnection extends Connection(PaymentTimelinessRank, 'The institutions of this page, best first.') {}

/**
 * I-06: ranks the institutions of a region by how timely they paid the payables opened in [from, to],
 * computed in one SQL statement. Any regulator may read it for a region within its own jurisdiction.
 */
export async function paymentTimelinessRanking(ctx: InsuranceContext, regionCode: string, from: string, to: string, page: PageInput | undefined) {
  const region = requireRegionCode(regionCode);
  const start = parseIsoDate(from);
  const end = parseIsoDate(to);
  if (start > end) throw errors.badInput('from must not be after to', { field: 'from' });
  if (!regionWithin(region, ctx.identity!.region!)) throw errors.forbidden(`I-06: region ${region} is outside your jurisdiction`);
  const request = pageRequest(page);
  const after = request.afterKey === undefined ? 0 : Number(request.afterKey);
  if (!Number.isInteger(after) || after < 0) throw errors.badInput('after is not a cursor this API issued', { field: 'after' });
  const today = todayInChina();
  const judgedOn = end < today ? end : today;
  const rows: Array<Record<string, string>> = await ctx.db.query(
    `WITH judged AS (
       SELECT s.institution_id, s.amount, s.accepted_on,
              CASE WHEN s.paid_on <= $4 THEN s.paid_on END AS paid_on,
              (s.paid_on IS NOT NULL AND s.paid_on <= $4 AND s.paid_on > s.due_date) OR ((s.paid_on IS NULL OR s.paid_on > $4) AND s.due_date < $4) AS overdue
         FROM insurance.settlement s
        WHERE s.region_code LIKE $1 AND s.accepted_on BETWEEN $2 AND $3
     ),
     per_institution AS (
       SELECT institution_id, count(*) AS payables, count(paid_on) AS paid_count, count(*) FILTER (WHERE overdue) AS overdue_count,
              coalesce(sum(amount) FILTER (WHERE overdue), 0) AS overdue_amount,
              round(avg(paid_on - accepted_on) FILTER (WHERE paid_on IS NOT NULL), 1) AS average_days_to_pay
         FROM judged GROUP BY institution_id
     ),
     ranked AS (
       SELECT *, rank() OVER (ORDER BY overdue_count, overdue_amount, average_days_to_pay NULLS LAST) AS rank,
              row_number() OVER (ORDER BY overdue_count, overdue_amount, average_days_to_pay NULLS LAST, institution_id) AS position
         FROM per_institution
     )
     SELECT * FROM ranked WHERE position > $5 ORDER BY position LIMIT $6`,
    [regionLikePattern(region), start, end, judgedOn, after, request.limit + 1],
  );
  const nodes = rows.map(
    (r): PaymentTimelinessRank => ({
      institutionId: r.institution_id,
      rank: Number(r.rank),
      position: Number(r.position),
      payables: Number(r.payables),
      paidCount: Number(r.paid_count),
      overdueCount: Number(r.overdue_count),
      overdueAmount: r.overdue_amount,
      averageDaysToPay: r.average_days_to_pay,
      judgedOn,
    }),
  );
  return toPage(nodes, request, (n) => String(n.position));
}

@Resolver(() => PaymentTimelinessRank)
export class PaymentTimelinessResolver {
  @Query(() => PaymentTimelinessRankConnection, { description: 'I-06: institutions of a region ranked by payment timeliness over the payables opened in a period (may be published, Guangdong 2025).' })
  paymentTimelinessRanking(
    @Ctx() ctx: InsuranceContext,
    @Arg('regionCode', () => String, { description: 'GB/T 2260 code, within the caller’s jurisdiction.' }) regionCode: string,
    @Arg('from', () => DateScalar, { description: 'First day of acceptance counted.' }) from: string,
    @Arg('to', () => DateScalar, { description: 'Last day of acceptance counted; statuses are judged on it (or today if earlier).' }) to: string,
    @Arg('page', () => PageInput, { nullable: true, description: 'Which page; default the first 20.' }) page?: PageInput,
  ) {
    return paymentTimelinessRanking(ctx, regionCode, from, to, page);
  }

  @FieldResolver(() => Institution, { description: 'The institution, resolved by the procurement subgraph.' })
  institution(@Root() r: PaymentTimelinessRank): EntityReference {
    return { id: r.institutionId };
  }
}
