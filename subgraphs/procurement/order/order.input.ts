import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../shared/graphql/scalars';
import { OrderState } from './order.entity';

@InputType({ description: 'One line of a new order.' })
export class OrderLineInput {
  @Field(() => ID, { description: 'The listed product to buy.' })
  productId: string;

  @Field(() => Int, { description: 'Quantity in the smallest unit, a whole number ≥ 1.' })
  quantity: number;

  @Field(() => DecimalScalar, { description: 'Agreed price per unit, in yuan; at most the listed price (P-08).' })
  unitPrice: string;
}

@InputType({ description: 'A new order of the calling institution (P-12).' })
export class PlaceOrderInput {
  @Field(() => ID, { description: 'The distributor (配送企业) that is to deliver.' })
  distributorId: string;

  @Field(() => [OrderLineInput], { description: 'The lines, 1–100, each product at most once.' })
  lines: OrderLineInput[];

  @Field(() => String, { nullable: true, description: 'Client-chosen key: a retry with the same key and body returns the first order instead of placing another.' })
  idempotencyKey?: string;

  @Field(() => Boolean, { nullable: true, description: 'D-04: an emergency order (紧急订单), held to the shorter emergency delivery time limit. Default false.' })
  emergency?: boolean;
}

@InputType({ description: 'Filters for orders; all given filters must match, within the caller’s scope.' })
export class OrderFilter {
  @Field(() => OrderState, { nullable: true, description: 'Only orders in this state.' })
  state?: OrderState;

  @Field(() => ID, { nullable: true, description: 'Only this institution’s orders.' })
  institutionId?: string;

  @Field(() => String, { nullable: true, description: 'Only orders of institutions in this region or below it (GB/T 2260).' })
  regionCode?: string;

  @Field(() => ID, { nullable: true, description: 'Only orders with a line of this product.' })
  productId?: string;

  @Field(() => ID, { nullable: true, description: 'Only orders this distributor is to deliver.' })
  distributorId?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Only orders placed on or after this day (China time).' })
  placedFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Only orders placed on or before this day (China time).' })
  placedTo?: string;
}

@InputType({ description: 'Cancels an order of the calling institution that is still PLACED (P-12).' })
export class CancelOrderInput {
  @Field(() => ID, { description: 'The order.' })
  orderId: string;

  @Field(() => String, { description: 'Why (1–500 characters), kept with the order and sent to the distributor.' })
  reason: string;

  @Field(() => Int, { nullable: true, description: 'The version read; a stale one is a CONFLICT and nothing changes.' })
  expectedVersion?: number;
}
