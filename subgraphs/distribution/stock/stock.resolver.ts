import { Arg, Ctx, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { EntityReference } from '../../shared/graphql/entity-reference';
import { Connection, PageInput } from '../../shared/graphql/pagination';
import type { DistributionContext } from '../context';
import { Enterprise } from '../enterprise/enterprise.entity';
import { Product } from '../references/stubs';
import { CapacityReport, ProductionStop, StockLevel, StockReport } from './stock.entity';
import { EnterpriseReportFilter, ReportCapacityInput, ReportProductionStopInput, ReportStockInput } from './stock.input';
import { listCapacityReports, listProductionStops, listStockLevels, reportCapacity, reportProductionStop, reportStock } from './stock.service';

@ObjectType({ description: 'A page of stock levels.' })
export class StockLevelConnection extends Connection(StockLevel, 'The stock levels of this page, ordered by enterprise, product and region.') {}

@ObjectType({ description: 'A page of capacity reports.' })
export class CapacityReportConnection extends Connection(CapacityReport, 'The capacity reports of this page, ordered by enterprise and product.') {}

@ObjectType({ description: 'A page of production stop reports.' })
export class ProductionStopConnection extends Connection(ProductionStop, 'The production stop reports of this page, ordered by id.') {}

const FILTER = { nullable: true, description: 'Filters; omitted means every report in scope.' } as const;
const PAGE = { nullable: true, description: 'Which page; default the first 20.' } as const;

@Resolver(() => StockLevel)
export class StockLevelResolver {
  @Query(() => StockLevelConnection, { description: 'D-05: latest stock (库存) per enterprise, product and region; an enterprise sees its own, regulators their region.' })
  stockLevels(@Ctx() ctx: DistributionContext, @Arg('filter', () => EnterpriseReportFilter, FILTER) filter?: EnterpriseReportFilter, @Arg('page', () => PageInput, PAGE) page?: PageInput) {
    return listStockLevels(ctx, filter, page);
  }

  @Query(() => StockLevelConnection, { description: 'D-05: the stock levels that hold an emergency reserve (应急储备); an enterprise sees its own, regulators their region.' })
  emergencyReserves(@Ctx() ctx: DistributionContext, @Arg('filter', () => EnterpriseReportFilter, FILTER) filter?: EnterpriseReportFilter, @Arg('page', () => PageInput, PAGE) page?: PageInput) {
    return listStockLevels(ctx, filter, page, true);
  }

  @Mutation(() => StockReport, {
    description: 'D-05: the calling enterprise reports stock, up to 20,000 lines at once, all or nothing; a retry under the same idempotency key returns the first report.',
  })
  reportStock(@Ctx() ctx: DistributionContext, @Arg('input', () => ReportStockInput, { description: 'The report.' }) input: ReportStockInput) {
    return reportStock(ctx, input);
  }

  @FieldResolver(() => Product, { description: 'The product, resolved by the procurement subgraph.' })
  product(@Root() level: StockLevel): EntityReference {
    return { id: level.productId };
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: 'The reporting enterprise.' })
  enterprise(@Root() level: StockLevel, @Ctx() ctx: DistributionContext) {
    return ctx.loaders.enterpriseById.load(level.enterpriseId);
  }
}

@Resolver(() => CapacityReport)
export class CapacityReportResolver {
  @Query(() => CapacityReportConnection, { description: 'D-05: manufacturers’ production capacity (产能) per product; a manufacturer sees its own, regulators their region.' })
  capacityReports(@Ctx() ctx: DistributionContext, @Arg('filter', () => EnterpriseReportFilter, FILTER) filter?: EnterpriseReportFilter, @Arg('page', () => PageInput, PAGE) page?: PageInput) {
    return listCapacityReports(ctx, filter, page);
  }

  @Mutation(() => CapacityReport, { description: 'D-05: the calling manufacturer reports its monthly production capacity for a product it makes.' })
  reportCapacity(@Ctx() ctx: DistributionContext, @Arg('input', () => ReportCapacityInput, { description: 'The report.' }) input: ReportCapacityInput) {
    return reportCapacity(ctx, input);
  }

  @FieldResolver(() => Product, { description: 'The product, resolved by the procurement subgraph.' })
  product(@Root() report: CapacityReport): EntityReference {
    return { id: report.productId };
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: 'The reporting manufacturer.' })
  enterprise(@Root() report: CapacityReport, @Ctx() ctx: DistributionContext) {
    return ctx.loaders.enterpriseById.load(report.enterpriseId);
  }
}

@Resolver(() => ProductionStop)
export class ProductionStopResolver {
  @Query(() => ProductionStopConnection, { description: 'D-05: production stop reports (停产报告); a manufacturer sees its own, regulators those affecting their region.' })
  productionStops(@Ctx() ctx: DistributionContext, @Arg('filter', () => EnterpriseReportFilter, FILTER) filter?: EnterpriseReportFilter, @Arg('page', () => PageInput, PAGE) page?: PageInput) {
    return listProductionStops(ctx, filter, page);
  }

  @Mutation(() => ProductionStop, { description: 'D-05: the calling manufacturer reports a production stop of a product it makes; quality hears of it (ProductionStopReported).' })
  reportProductionStop(@Ctx() ctx: DistributionContext, @Arg('input', () => ReportProductionStopInput, { description: 'The report.' }) input: ReportProductionStopInput) {
    return reportProductionStop(ctx, input);
  }

  @FieldResolver(() => Product, { description: 'The product, resolved by the procurement subgraph.' })
  product(@Root() stop: ProductionStop): EntityReference {
    return { id: stop.productId };
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: 'The reporting manufacturer.' })
  enterprise(@Root() stop: ProductionStop, @Ctx() ctx: DistributionContext) {
    return ctx.loaders.enterpriseById.load(stop.enterpriseId);
  }
}
