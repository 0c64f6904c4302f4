import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { ProcurementContext } from '../context';
import { PurchaseOrder } from './order.entity';
import { CancelOrderInput } from './order.input';
import { cancelOrder } from './order-cancel.service';

@Resolver(() => PurchaseOrder)
export class OrderCancelResolver {
  @Mutation(() => PurchaseOrder, { description: 'Cancels an order of the calling institution while it is PLACED (P-12); CONFLICT once the distributor has moved it on.' })
  cancelOrder(@Ctx() ctx: ProcurementContext, @Arg('input', () => CancelOrderInput, { description: 'The cancellation.' }) input: CancelOrderInput) {
    return cancelOrder(ctx, input);
  }
}
