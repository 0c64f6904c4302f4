import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ENTITY_DESCRIPTIONS } from '../../shared/graphql/entity-descriptions';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar, DecimalScalar } from '../../shared/graphql/scalars';

/** P-12: where an order stands. */
export enum OrderState {
  PLACED = 'PLACED',
  ACCEPTED = 'ACCEPTED',
  SHIPPED = 'SHIPPED',
  DELIVERED = 'DELIVERED',
  RECEIPT_CONFIRMED = 'RECEIPT_CONFIRMED',
  CANCELLED = 'CANCELLED',
  OVERDUE = 'OVERDUE',
}
registerEnumType(OrderState, {
  name: 'OrderState',
  description: 'Where an order stands (订单状态), P-12.',
  valuesConfig: {
    PLACED: { description: 'Placed by the institution (已下单).' },
    ACCEPTED: { description: 'Accepted by the distributor (已响应).' },
    SHIPPED: { description: 'Shipped by the distributor (已配送).' },
    DELIVERED: { description: 'Delivered to the institution (已送达).' },
    RECEIPT_CONFIRMED: { description: 'Receipt confirmed by the institution on the platform (已确认收货).' },
    CANCELLED: { description: 'Cancelled (已取消).' },
    OVERDUE: { description: 'Not delivered within the platform’s time limit (超时未配送).' },
  },
});

/** P-12: an institution's order for listed products, delivered by one distributor. */
@Entity({ name: 'purchase_order' })
@ObjectType('Order', { description: ENTITY_DESCRIPTIONS.Order })
@Directive('@key(fields: "id")')
export class PurchaseOrder {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: 'Order id.' })
  id: string;

  @Column({ name: 'institution_id', type: 'uuid' })
  institutionId: string;

  @Column({ name: 'region_code', type: 'text' })
  @Field(() => String, { description: 'GB/T 2260 code of the ordering institution.' })
  regionCode: string;

  @Column({ name: 'distributor_id', type: 'uuid' })
  distributorId: string;

  @Column({ type: 'text' })
  @Field(() => OrderState, { description: 'Where the order stands.' })
  state: OrderState;

  @Column({ name: 'total_amount', type: 'numeric' })
  @Field(() => DecimalScalar, { description: 'Sum of the line amounts, in yuan (订单金额).' })
  totalAmount: string;

  @Column({ name: 'placed_at', type: 'timestamptz' })
  @Field(() => DateTimeScalar, { description: 'When it was placed.' })
  placedAt: Date;

  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey: string | null;

  @Column({ name: 'request_hash', type: 'text', nullable: true })
  requestHash: string | null;

  @Column({ type: 'integer' })
  @Field(() => Int, { description: 'Row version: bumped by every change; pass it as expectedVersion to refuse a write based on a stale read.' })
  version: number;

  /** D-04: emergency orders have their own delivery time limit in distribution's policy. */
  @Column({ type: 'boolean', default: false })
  emergency: boolean;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the institution cancelled it; null unless CANCELLED.' })
  cancelledAt?: Date | null;

  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The institution’s reason for cancelling; null unless CANCELLED.' })
  cancelReason?: string | null;
}

/** One product line of an order. */
@Entity({ name: 'order_line' })
@ObjectType({ description: 'One product line of an order (订单明细).' })
export class OrderLine {
  @PrimaryColumn({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @PrimaryColumn({ name: 'line_no', type: 'integer' })
  @Field(() => Int, { description: 'Line number, from 1.' })
  lineNo: number;

  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  @Field(() => Int, { description: 'Quantity in the smallest unit (e.g. tablets, sets).' })
  quantity: number;

  @Column({ name: 'unit_price', type: 'numeric' })
  @Field(() => DecimalScalar, { description: 'Price per unit, in yuan; never above the listed price (P-08).' })
  unitPrice: string;

  @Column({ type: 'numeric' })
  @Field(() => DecimalScalar, { description: 'quantity × unitPrice, in yuan.' })
  amount: string;
}
