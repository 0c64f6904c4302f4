import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { PageInput } from '../../shared/graphql/pagination';
import { DateScalar } from '../../shared/graphql/scalars';
import { Batch } from '../batch/batch.entity';
import type { ProcurementContext } from '../context';
import { Institution } from '../institution/institution.entity';
import { WinningProduct } from '../winning-product/winning-product.entity';
import { completionByInstitution, completionProgress, completionSummary } from './completion.service';
import { CompletionItem, CompletionProgress, CompletionSummary, InstitutionCompletion, InstitutionCompletionConnection } from './completion.type';

@Resolver(() => CompletionProgress)
export class CompletionProgressResolver {
  @Query(() => CompletionProgress, {
    description:
      'Agreed-volume completion (P-05) of a batch’s agreed volumes in a region, in the contract year containing asOf: purchased (orders not cancelled, placed by asOf) against agreed, and against the elapsed share of the year. Within the caller’s scope: regulators their region, an institution its own (a lead unit also its members’), a manufacturer its own products.',
  })
  completionProgress(
    @Ctx() ctx: ProcurementContext,
    @Arg('batchId', () => ID, { description: 'The batch.' }) batchId: string,
    @Arg('regionCode', () => String, { description: 'Institutions in this region and below it (GB/T 2260).' }) regionCode: string,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'The day to measure at; default today (China).' }) asOf?: string,
    @Arg('page', () => PageInput, { nullable: true, description: 'Which page of items; default the first 20.' }) page?: PageInput,
  ) {
    return completionProgress(ctx, batchId, regionCode, asOf, page);
  }

  @FieldResolver(() => Batch, { nullable: true, description: 'The batch.' })
  batch(@Root() progress: CompletionProgress, @Ctx() ctx: ProcurementContext) {
    return ctx.loaders.batchById.load(progress.batchId);
  }

  @FieldResolver(() => CompletionSummary, { description: 'Totals over the whole region (not only this page).' })
  summary(@Root() progress: CompletionProgress, @Ctx() ctx: ProcurementContext) {
    return completionSummary(ctx, progress);
  }

  @FieldResolver(() => InstitutionCompletionConnection, { description: 'Completion per institution, a page at a time.' })
  institutions(
    @Root() progress: CompletionProgress,
    @Ctx() ctx: ProcurementContext,
    @Arg('page', () => PageInput, { nullable: true, description: 'Which page of institutions; default the first 20.' }) page?: PageInput,
  ) {
    return completionByInstitution(ctx, progress, page);
  }
}

@Resolver(() => CompletionItem)
export class CompletionItemResolver {
  @FieldResolver(() => Institution, { nullable: true, description: 'The institution.' })
  institution(@Root() item: CompletionItem, @Ctx() ctx: ProcurementContext) {
    return ctx.loaders.institutionById.load(item.institutionId);
  }

  @FieldResolver(() => WinningProduct, { nullable: true, description: 'The winning product.' })
  winningProduct(@Root() item: CompletionItem, @Ctx() ctx: ProcurementContext) {
    return ctx.loaders.winningProductById.load(item.winningProductId);
  }
}

@Resolver(() => InstitutionCompletion)
export class InstitutionCompletionResolver {
  @FieldResolver(() => Institution, { nullable: true, description: 'The institution.' })
  institution(@Root() row: InstitutionCompletion, @Ctx() ctx: ProcurementContext) {
    return ctx.loaders.institutionById.load(row.institutionId);
  }
}
