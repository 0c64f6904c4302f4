import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ENTITY_DESCRIPTIONS } from '../../shared/graphql/entity-descriptions';
import { DateTimeScalar, DecimalScalar } from '../../shared/graphql/scalars';

export enum DeliveryStatus {
  SHIPPED = 'SHIPPED',
  RECEIPT_CONFIRMED = 'RECEIPT_CONFIRMED',
}
registerEnumType(DeliveryStatus, {
  name: 'DeliveryStatus',
  description: 'Where a delivery stands (配送状态).',
  valuesConfig: {
    SHIPPED: { description: 'On its way or delivered, receipt not yet confirmed (已配送).' },
    RECEIPT_CONFIRMED: { description: 'The institution confirmed receipt on the platform (已确认收货).' },
  },
});

/** D-03: a distributor's delivery of an order, and the institution's confirmation of it (G-05). */
@Entity({ name: 'delivery' })
@ObjectType({ description: ENTITY_DESCRIPTIONS.Delivery })
@Directive('@key(fields: "id")')
export class Delivery {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: 'Delivery id.' })
  id: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @Column({ name: 'distributor_id', type: 'uuid' })
  distributorId: string;

  @Column({ name: 'institution_id', type: 'uuid' })
  institutionId: string;

  @Column({ name: 'region_code', type: 'text' })
  @Field(() => String, { description: 'GB/T 2260 code of the receiving institution.' })
  regionCode: string;

  @Column({ type: 'numeric' })
  @Field(() => DecimalScalar, { description: 'Value of the goods delivered, in yuan.' })
  amount: string;

  @Column({ type: 'text' })
  @Field(() => DeliveryStatus, { description: 'Where the delivery stands.' })
  status: DeliveryStatus;

  @Column({ name: 'shipped_at', type: 'timestamptz' })
  @Field(() => DateTimeScalar, { description: 'When the distributor shipped it.' })
  shippedAt: Date;

  @Column({ name: 'warehoused_at', type: 'timestamptz', nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the institution checked it and put it in store (验收入库); the G-05 clock starts here.' })
  warehousedAt: Date | null;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the institution confirmed receipt on the platform.' })
  confirmedAt: Date | null;

  @Column({ name: 'confirmation_deadline', type: 'timestamptz', nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: 'G-05: warehousing time plus the region’s allowed hours; null when no policy sets one.' })
  confirmationDeadline: Date | null;

  @Column({ name: 'confirmed_late', type: 'boolean', nullable: true })
  @Field(() => Boolean, { nullable: true, description: 'G-05: true when receipt was confirmed after the deadline (flagged, not refused).' })
  confirmedLate: boolean | null;

  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey: string | null;

  @Column({ name: 'request_hash', type: 'text', nullable: true })
  requestHash: string | null;

  @Column({ type: 'integer' })
  @Field(() => Int, { description: 'Row version: bumped by every change; pass it as expectedVersion to refuse a write based on a stale read.' })
  version: number;

  @Column({ name: 'accepted_amount', type: 'numeric', nullable: true })
  @Field(() => DecimalScalar, { nullable: true, description: 'D-03: value of what the institution accepted at receipt, in yuan; what the payable is for. Null until confirmed.' })
  acceptedAmount: string | null;

  @Column({ name: 'discrepancy_count', type: 'integer', default: 0 })
  @Field(() => Int, { description: 'D-03: how many differences the receipt check found against the order (0 until confirmed).' })
  discrepancyCount: number;
}

/** What was delivered on one line: the order line as procurement announced it. */
@Entity({ name: 'order_line_copy' })
@ObjectType({ description: 'One product line of a delivery (配送明细).' })
export class DeliveryLine {
  @PrimaryColumn({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @PrimaryColumn({ name: 'line_no', type: 'integer' })
  @Field(() => Int, { description: 'Line number of the order, from 1.' })
  lineNo: number;

  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  @Column({ name: 'manufacturer_id', type: 'uuid' })
  manufacturerId: string;

  @Column({ name: 'product_name', type: 'text' })
  @Field(() => String, { description: 'Product name as ordered.' })
  productName: string;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Specification (规格) as ordered.' })
  specification: string;

  @Column({ name: 'dosage_form', type: 'text', nullable: true })
  dosageForm: string | null;

  @Column({ type: 'text' })
  pack: string;

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  @Field(() => Int, { description: 'Quantity in the smallest unit.' })
  quantity: number;

  @Column({ name: 'unit_price', type: 'numeric' })
  @Field(() => DecimalScalar, { description: 'Price per unit, in yuan.' })
  unitPrice: string;

  @Column({ type: 'numeric' })
  @Field(() => DecimalScalar, { description: 'Line amount, in yuan.' })
  amount: string;
}
