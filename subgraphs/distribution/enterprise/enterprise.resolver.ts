import { Arg, Ctx, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Connection, PageInput } from '../../shared/graphql/pagination';
import type { DistributionContext } from '../context';
import { Enterprise } from './enterprise.entity';
import { EnterpriseFilter, RegisterEnterpriseInput } from './enterprise.input';
import { getEnterprise, listEnterprises, registerEnterprise } from './enterprise.service';

@ObjectType({ description: 'A page of enterprises.' })
export class EnterpriseConnection extends Connection(Enterprise, 'The enterprises of this page, ordered by id.') {}

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @Query(() => EnterpriseConnection, { description: 'The enterprise directory (企业名录): manufacturers and distributors.' })
  enterprises(
    @Ctx() ctx: DistributionContext,
    @Arg('filter', () => EnterpriseFilter, { nullable: true, description: 'Filters; omitted means the whole directory.' }) filter?: EnterpriseFilter,
    @Arg('page', () => PageInput, { nullable: true, description: 'Which page; default the first 20.' }) page?: PageInput,
  ) {
    return listEnterprises(ctx, filter, page);
  }

  @Query(() => Enterprise, { nullable: true, description: 'One enterprise by id; null with a NOT_FOUND error when there is none.' })
  enterprise(@Ctx() ctx: DistributionContext, @Arg('id', () => ID, { description: 'The id.' }) id: string) {
    return getEnterprise(ctx, id);
  }

  @Mutation(() => Enterprise, { description: 'D-01: a market-regulation regulator registers an enterprise of its region; an invalid credit code is BAD_USER_INPUT and nothing is written.' })
  registerEnterprise(@Ctx() ctx: DistributionContext, @Arg('input', () => RegisterEnterpriseInput, { description: 'The enterprise.' }) input: RegisterEnterpriseInput) {
    return registerEnterprise(ctx, input);
  }
}
