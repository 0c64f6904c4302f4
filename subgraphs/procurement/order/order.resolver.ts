import { Arg, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Connection, PageInput } from '../../shared/graphql/pagination';
import type { ProcurementContext } from '../context';
import { Enterprise, enterpriseReference } from '../enterprise/enterprise.stub';
import { Institution } from '../institution/institution.entity';
import { Product } from '../product/product.entity';
import { OrderLine, PurchaseOrder } from './order.entity';
import { OrderFilter, PlaceOrderInput } from './order.input';
import { getOrder, listOrders, placeOrder } from './order.service';
import type { EntityReference } from '../../shared/graphql/entity-reference';

@ObjectType({ description: 'A page of orders.' })
export class OrderConnection extends Connection(PurchaseOrder, 'The orders of this page, ordered by id.') {}

@Resolver(() => PurchaseOrder)
export class OrderResolver {
  @Query(() => OrderConnection, { description: 'Orders (采购订单) within the caller’s scope: an institution its own, a distributor those it delivers, a manufacturer those with its products, regulators their region.' })
  orders(
    @Ctx() ctx: ProcurementContext,
    @Arg('filter', () => OrderFilter, { nullable: true, description: 'Filters; omitted means every order in scope.' }) filter?: OrderFilter,
    @Arg('page', () => PageInput, { nullable: true, description: 'Which page; default the first 20.' }) page?: PageInput,
  ) {
    return listOrders(ctx, filter, page);
  }

  @Query(() => PurchaseOrder, { nullable: true, description: 'One order by id; null with a NOT_FOUND error when it does not exist or is outside the caller’s scope.' })
  order(@Ctx() ctx: ProcurementContext, @Arg('id', () => ID, { description: 'The id.' }) id: string) {
    return getOrder(ctx, id);
  }

  @Mutation(() => PurchaseOrder, { description: 'Places an order of the calling institution (P-12); every line must be listed for its region at no more than the listed price (P-08).' })
  placeOrder(@Ctx() ctx: ProcurementContext, @Arg('input', () => PlaceOrderInput, { description: 'The order.' }) input: PlaceOrderInput) {
    return placeOrder(ctx, input);
  }

  @FieldResolver(() => Institution, { nullable: true, description: 'The ordering institution.' })
  institution(@Root() order: PurchaseOrder, @Ctx() ctx: ProcurementContext) {
    return ctx.loaders.institutionById.load(order.institutionId);
  }

  @FieldResolver(() => Enterprise, { description: 'The distributor (配送企业) that is to deliver, resolved by the distribution subgraph.' })
  distributor(@Root() order: PurchaseOrder): EntityReference {
    return enterpriseReference(order.distributorId);
  }

  @FieldResolver(() => [OrderLine], { description: 'The product lines, in order.' })
  lines(@Root() order: PurchaseOrder, @Ctx() ctx: ProcurementContext) {
    return ctx.loaders.orderLines.load(order.id);
  }
}

@Resolver(() => OrderLine)
export class OrderLineResolver {
  @FieldResolver(() => Product, { nullable: true, description: 'The product ordered.' })
  product(@Root() line: OrderLine, @Ctx() ctx: ProcurementContext) {
    return ctx.loaders.productById.load(line.productId);
  }
}
