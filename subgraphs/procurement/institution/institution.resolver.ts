import { Arg, Ctx, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { Connection, PageInput } from '../../shared/graphql/pagination';
import type { ProcurementContext } from '../context';
import { Institution } from './institution.entity';
import { getInstitution, listInstitutions } from './institution.service';

@ObjectType({ description: 'A page of medical institutions.' })
export class InstitutionConnection extends Connection(Institution, 'The institutions of this page, ordered by id.') {}

@Resolver(() => Institution)
export class InstitutionResolver {
  @Query(() => InstitutionConnection, {
    description: 'Medical institutions in a region and below it, within the caller’s scope (regulators: their region; institutions: themselves).',
  })
  institutions(
    @Ctx() ctx: ProcurementContext,
    @Arg('regionCode', () => String, { nullable: true, description: 'GB/T 2260 code; omitted means the caller’s whole scope.' }) regionCode?: string,
    @Arg('page', () => PageInput, { nullable: true, description: 'Which page; default the first 20.' }) page?: PageInput,
  ) {
    return listInstitutions(ctx, regionCode, page);
  }

  @Query(() => Institution, { nullable: true, description: 'One institution by id; null with a NOT_FOUND error when it does not exist or is outside the caller’s scope.' })
  institution(@Ctx() ctx: ProcurementContext, @Arg('id', () => ID, { description: 'The id.' }) id: string) {
    return getInstitution(ctx, id);
  }
}
