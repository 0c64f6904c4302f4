import { Arg, Ctx, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { EntityReference } from '../../shared/graphql/entity-reference';
import { Connection, PageInput } from '../../shared/graphql/pagination';
import { DateScalar, todayInChina } from '../../shared/graphql/scalars';
import type { QualityContext } from '../context';
import { Enterprise, enterpriseReference } from '../enterprise/enterprise.stub';
import { EnterpriseBan } from './ban.entity';
import { DeclareDishonestInput, LiftBanInput } from './ban.input';
import { declareDishonest, liftBan, listBans } from './ban.service';

@ObjectType({ description: 'A page of enterprise bans.' })
export class EnterpriseBanConnection extends Connection(EnterpriseBan, 'The bans of this page, ordered by id.') {}

@Resolver(() => EnterpriseBan)
export class BanResolver {
  @Query(() => EnterpriseBanConnection, { description: 'Dishonesty bans (Q-03, G-08) in force on a date that bind a region or part of it, within the caller’s scope: regulators their region, institutions those binding them, an enterprise its own.' })
  enterpriseBans(
    @Ctx() ctx: QualityContext,
    @Arg('regionCode', () => String, { description: 'GB/T 2260 code of the region asked about.' }) regionCode: string,
    @Arg('on', () => DateScalar, { nullable: true, description: 'The date; default today in China.' }) on?: string,
    @Arg('page', () => PageInput, { nullable: true, description: 'Which page; default the first 20.' }) page?: PageInput,
  ) {
    return listBans(ctx, regionCode, on, page);
  }

  @Mutation(() => EnterpriseBan, { description: 'Declares a winner dishonest (失信) for an unpaid replacement cost and bans it per G-08 (Q-03); emits quality.EnterpriseBanned.v1.' })
  declareDishonest(@Ctx() ctx: QualityContext, @Arg('input', () => DeclareDishonestInput, { description: 'The declaration.' }) input: DeclareDishonestInput) {
    return declareDishonest(ctx, input);
  }

  @Mutation(() => EnterpriseBan, { description: 'Lifts a ban early, once; emits quality.EnterpriseBanned.v1 again with liftedOn set.' })
  liftBan(@Ctx() ctx: QualityContext, @Arg('input', () => LiftBanInput, { description: 'The lift.' }) input: LiftBanInput) {
    return liftBan(ctx, input);
  }

  @FieldResolver(() => Enterprise, { description: 'The banned enterprise, resolved by the distribution subgraph.' })
  enterprise(@Root() ban: EnterpriseBan): EntityReference {
    return enterpriseReference(ban.enterpriseId);
  }
}

@Resolver(() => Enterprise)
export class EnterpriseBansResolver {
  @FieldResolver(() => [EnterpriseBan], {
    description: 'G-08: the dishonesty bans (失信禁入) against this enterprise in force on `on`, of the regions the caller may see (a regulator its region and above, an institution the regions that bind it, an enterprise its own).',
  })
  bans(
    @Root() enterprise: EntityReference,
    @Ctx() ctx: QualityContext,
    @Arg('on', () => DateScalar, { nullable: true, description: 'The day; default today in China.' }) on?: string,
  ) {
    return ctx.loaders.bansOfEnterprise.load(`${enterprise.id}|${on ?? todayInChina()}`);
  }
}
