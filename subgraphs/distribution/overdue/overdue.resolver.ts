import { Arg, Ctx, FieldResolver, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { EntityReference } from '../../shared/graphql/entity-reference';
import { Connection, PageInput } from '../../shared/graphql/pagination';
import type { DistributionContext } from '../context';
import { Enterprise } from '../enterprise/enterprise.entity';
import { Institution } from '../references/stubs';
import { Order as OrderReference } from '../order/order.stub';
import { OverdueOrder } from './overdue.entity';
import { overdueOrders } from './overdue.service';

@ObjectType({ description: 'A page of overdue orders.' })
export class OverdueOrderConnection extends Connection(OverdueOrder, 'The overdue orders of this page, ordered by order id.') {}

@Resolver(() => OverdueOrder)
export class OverdueOrderResolver {
  @Query(() => OverdueOrderConnection, {
    description: 'D-04: orders of a region not shipped within the platform’s delivery time limit (超期未配送预警), within the caller’s scope: regulators their region, a distributor its own, an institution its own, a manufacturer those carrying its products.',
  })
  overdueDeliveries(
    @Ctx() ctx: DistributionContext,
    @Arg('regionCode', () => String, { description: 'GB/T 2260 code: orders of institutions in this region or below it.' }) regionCode: string,
    @Arg('page', () => PageInput, { nullable: true, description: 'Which page; default the first 20.' }) page?: PageInput,
  ) {
    return overdueOrders(ctx, regionCode, page);
  }

  @FieldResolver(() => OrderReference, { description: 'The order, resolved by the procurement subgraph.' })
  order(@Root() overdue: OverdueOrder): EntityReference {
    return { id: overdue.orderId };
  }

  @FieldResolver(() => Institution, { description: 'The ordering institution, resolved by the procurement subgraph.' })
  institution(@Root() overdue: OverdueOrder): EntityReference {
    return { id: overdue.institutionId };
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: 'The distributor that should have delivered.' })
  distributor(@Root() overdue: OverdueOrder, @Ctx() ctx: DistributionContext) {
    return ctx.loaders.enterpriseById.load(overdue.distributorId);
  }
}
