import { Arg, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Connection, PageInput } from '../../shared/graphql/pagination';
import { requireRegionCode } from '../../shared/validation';
import type { ProcurementContext } from '../context';
import { WinningProduct } from '../winning-product/winning-product.entity';
import { ContractYear, contractYearsIn } from './contract-year';
import { Batch } from './batch.entity';
import { BatchFilter, CreateBatchInput } from './batch.input';
import { createBatch, getBatch, listBatches } from './batch.service';

@ObjectType({ description: 'A page of procurement batches.' })
export class BatchConnection extends Connection(Batch, 'The batches of this page, ordered by id.') {}

@Resolver(() => Batch)
export class BatchResolver {
  @Query(() => BatchConnection, { description: 'Procurement batches (集采批次), P-02; published results, readable by every persona.' })
  batches(
    @Ctx() ctx: ProcurementContext,
    @Arg('filter', () => BatchFilter, { nullable: true, description: 'Filters; omitted means every batch.' }) filter?: BatchFilter,
    @Arg('page', () => PageInput, { nullable: true, description: 'Which page; default the first 20.' }) page?: PageInput,
  ) {
    return listBatches(ctx, filter, page);
  }

  @Query(() => Batch, { nullable: true, description: 'One batch by id; null with a NOT_FOUND error when there is none.' })
  batch(@Ctx() ctx: ProcurementContext, @Arg('id', () => ID, { description: 'The id.' }) id: string) {
    return getBatch(ctx, id);
  }

  @Mutation(() => Batch, {
    description:
      'Opens a procurement batch (P-02). Medical insurance regulators only: a national batch by the national bureau (region 000000), a provincial one by that province’s bureau, an alliance by the bureau of one member province. A cycle that does not end after it starts is refused.',
  })
  createBatch(@Ctx() ctx: ProcurementContext, @Arg('input', () => CreateBatchInput, { description: 'The batch.' }) input: CreateBatchInput) {
    return createBatch(ctx, input);
  }

  @FieldResolver(() => [ContractYear], { description: 'The contract years of the cycle (one agreement each, P-02), renewed per the G-10 policy of the region asked about.' })
  contractYears(
    @Root() batch: Batch,
    @Ctx() ctx: ProcurementContext,
    @Arg('regionCode', () => String, { nullable: true, description: 'The region whose G-10 policy applies; default the batch’s first pooling region.' }) regionCode?: string,
  ) {
    return contractYearsIn(ctx.db, regionCode == null ? batch.regionCodes[0] : requireRegionCode(regionCode), batch.cycleStart, batch.cycleEnd);
  }

  @FieldResolver(() => [WinningProduct], { description: 'The products that won this batch (中选产品), P-03.' })
  winningProducts(@Root() batch: Batch, @Ctx() ctx: ProcurementContext) {
    return ctx.loaders.winningProductsByBatch.load(batch.id);
  }
}
