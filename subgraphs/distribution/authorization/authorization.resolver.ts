import { Arg, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { EntityReference } from '../../shared/graphql/entity-reference';
import { Connection, PageInput } from '../../shared/graphql/pagination';
import type { DistributionContext } from '../context';
import { Enterprise } from '../enterprise/enterprise.entity';
import { Institution, Product } from '../references/stubs';
import { DistributorAuthorization, UncoveredInstitution } from './authorization.entity';
import { AuthorizeDistributorInput, DistributorAuthorizationFilter, RevokeDistributorAuthorizationInput } from './authorization.input';
import { authorizeDistributor, listDistributorAuthorizations, revokeDistributorAuthorization, uncoveredInstitutions } from './authorization.service';

@ObjectType({ description: 'A page of distributor authorisations.' })
export class DistributorAuthorizationConnection extends Connection(DistributorAuthorization, 'The authorisations of this page, ordered by id.') {}

@ObjectType({ description: 'A page of uncovered institutions.' })
export class UncoveredInstitutionConnection extends Connection(UncoveredInstitution, 'The institutions of this page, ordered by id.') {}

@Resolver(() => DistributorAuthorization)
export class DistributorAuthorizationResolver {
  @Query(() => DistributorAuthorizationConnection, {
    description: 'Distributor authorisations (配送授权, D-02) within the caller’s scope: a manufacturer those it granted, a distributor those it holds, an institution those serving it, regulators their region.',
  })
  distributorAuthorizations(
    @Ctx() ctx: DistributionContext,
    @Arg('filter', () => DistributorAuthorizationFilter, { nullable: true, description: 'Filters; omitted means every authorisation in scope.' }) filter?: DistributorAuthorizationFilter,
    @Arg('page', () => PageInput, { nullable: true, description: 'Which page; default the first 20.' }) page?: PageInput,
  ) {
    return listDistributorAuthorizations(ctx, filter, page);
  }

  @Query(() => UncoveredInstitutionConnection, {
    description: 'D-02: participating institutions of a winning product in a region that no authorised distributor serves (配送未覆盖). Manufacturers ask about their own products; regulators see their region.',
  })
  uncoveredInstitutions(
    @Ctx() ctx: DistributionContext,
    @Arg('winningProductId', () => ID, { description: 'The winning product.' }) winningProductId: string,
    @Arg('regionCode', () => String, { description: 'GB/T 2260 code: institutions in this region or below it.' }) regionCode: string,
    @Arg('page', () => PageInput, { nullable: true, description: 'Which page; default the first 20.' }) page?: PageInput,
  ) {
    return uncoveredInstitutions(ctx, winningProductId, regionCode, page);
  }

  @Mutation(() => DistributorAuthorization, { description: 'D-02: the calling manufacturer authorises a distributor for its winning product in a pooling region, within the G-07 cap and never while banned there (G-08).' })
  authorizeDistributor(@Ctx() ctx: DistributionContext, @Arg('input', () => AuthorizeDistributorInput, { description: 'The authorisation.' }) input: AuthorizeDistributorInput) {
    return authorizeDistributor(ctx, input);
  }

  @Mutation(() => DistributorAuthorization, { description: 'D-02: the calling manufacturer revokes one of its authorisations.' })
  revokeDistributorAuthorization(
    @Ctx() ctx: DistributionContext,
    @Arg('input', () => RevokeDistributorAuthorizationInput, { description: 'Which authorisation.' }) input: RevokeDistributorAuthorizationInput,
  ) {
    return revokeDistributorAuthorization(ctx, input);
  }

  @FieldResolver(() => Product, { description: 'The product, resolved by the procurement subgraph.' })
  product(@Root() authorization: DistributorAuthorization): EntityReference {
    return { id: authorization.productId };
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: 'The manufacturer that chose (生产企业).' })
  manufacturer(@Root() authorization: DistributorAuthorization, @Ctx() ctx: DistributionContext) {
    return ctx.loaders.enterpriseById.load(authorization.manufacturerId);
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: 'The distributor chosen (配送企业).' })
  distributor(@Root() authorization: DistributorAuthorization, @Ctx() ctx: DistributionContext) {
    return ctx.loaders.enterpriseById.load(authorization.distributorId);
  }
}

@Resolver(() => UncoveredInstitution)
export class UncoveredInstitutionResolver {
  @FieldResolver(() => Institution, { description: 'The institution, resolved by the procurement subgraph.' })
  institution(@Root() uncovered: UncoveredInstitution): EntityReference {
    return { id: uncovered.institutionId };
  }
}
