import { Arg, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Connection, PageInput } from '../../shared/graphql/pagination';
import type { QualityContext } from '../context';
import { Product } from '../product/product.stub';
import { Inspection } from './inspection.entity';
import { InspectionFilter, RecordInspectionInput } from './inspection.input';
import { getInspection, latestInspectionsOf, listInspections, recordInspection } from './inspection.service';

@ObjectType({ description: 'A page of inspections.' })
export class InspectionConnection extends Connection(Inspection, 'The inspections of this page, ordered by id.') {}

@Resolver(() => Inspection)
export class InspectionResolver {
  @Query(() => InspectionConnection, { description: 'Quality sampling inspections (质量抽检) within the caller’s scope, filtered and paginated.' })
  inspections(
    @Ctx() ctx: QualityContext,
    @Arg('filter', () => InspectionFilter, { nullable: true, description: 'Filters; omitted means every inspection in scope.' }) filter?: InspectionFilter,
    @Arg('page', () => PageInput, { nullable: true, description: 'Which page; default the first 20.' }) page?: PageInput,
  ) {
    return listInspections(ctx, filter, page);
  }

  @Query(() => Inspection, { nullable: true, description: 'One inspection by id; null with a NOT_FOUND error when it does not exist or is outside the caller’s scope.' })
  inspection(@Ctx() ctx: QualityContext, @Arg('id', () => ID, { description: 'The id.' }) id: string) {
    return getInspection(ctx, id);
  }

  @Mutation(() => Inspection, { description: 'Records a sampling inspection (Q-01) in the calling market regulator’s jurisdiction.' })
  recordInspection(@Ctx() ctx: QualityContext, @Arg('input', () => RecordInspectionInput, { description: 'The inspection.' }) input: RecordInspectionInput) {
    return recordInspection(ctx, input);
  }

  @FieldResolver(() => Product, { description: 'The product inspected.' })
  product(@Root() inspection: Inspection): Product {
    return { id: inspection.productId };
  }
}

@Resolver(() => Product)
export class ProductInspectionsResolver {
  @FieldResolver(() => [Inspection], { nullable: true, description: 'The latest inspections of this product the caller may see, newest first; null with a FORBIDDEN error for callers who may not read inspections.' })
  inspections(
    @Root() product: Product,
    @Ctx() ctx: QualityContext,
    @Arg('last', () => Int, { defaultValue: 5, description: 'How many of the latest inspections, 1–100.' }) last: number,
  ) {
    return latestInspectionsOf(ctx, product.id, last);
  }
}
