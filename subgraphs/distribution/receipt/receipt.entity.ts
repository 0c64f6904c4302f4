import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DecimalScalar } from '../../shared/graphql/scalars';

/** D-03: what the institution checks on each line (Guichi: 名称、规格、剂型、包装、生产厂家、数量). */
export enum DiscrepancyField {
  PRODUCT_NAME = 'PRODUCT_NAME',
  SPECIFICATION = 'SPECIFICATION',
  DOSAGE_FORM = 'DOSAGE_FORM',
  PACK = 'PACK',
  MANUFACTURER = 'MANUFACTURER',
  QUANTITY = 'QUANTITY',
}
registerEnumType(DiscrepancyField, {
  name: 'DiscrepancyField',
  description: 'What differed between the order and the goods received (核对项).',
  valuesConfig: {
    PRODUCT_NAME: { description: 'Product name (名称).' },
    SPECIFICATION: { description: 'Specification (规格).' },
    DOSAGE_FORM: { description: 'Dosage form (剂型).' },
    PACK: { description: 'Pack (包装).' },
    MANUFACTURER: { description: 'Manufacturer (生产厂家), by enterprise id.' },
    QUANTITY: { description: 'Quantity (数量), in the smallest unit.' },
  },
});

/** D-03: one difference between an order line and what the institution received. */
@Entity({ name: 'delivery_discrepancy' })
@ObjectType({ description: 'D-03: a difference found when the institution checked a delivery line against the order (到货核对差异).' })
export class DeliveryDiscrepancy {
  @PrimaryColumn({ name: 'delivery_id', type: 'uuid' })
  deliveryId: string;

  @PrimaryColumn({ name: 'line_no', type: 'integer' })
  @Field(() => Int, { description: 'The order line.' })
  lineNo: number;

  @PrimaryColumn({ type: 'text' })
  @Field(() => DiscrepancyField, { description: 'What differed.' })
  field: DiscrepancyField;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'What the order says.' })
  expected: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'What the institution received.' })
  received: string | null;
}

/** D-03: the outcome of the receipt check on one line. */
@Entity({ name: 'receipt_line' })
@ObjectType({ description: 'D-03: what the institution received and accepted on one order line (验收明细).' })
export class ReceiptLine {
  @PrimaryColumn({ name: 'delivery_id', type: 'uuid' })
  deliveryId: string;

  @PrimaryColumn({ name: 'line_no', type: 'integer' })
  @Field(() => Int, { description: 'The order line.' })
  lineNo: number;

  @Column({ name: 'received_quantity', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  @Field(() => Int, { description: 'Quantity received, smallest unit.' })
  receivedQuantity: number;

  @Column({ name: 'accepted_quantity', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  @Field(() => Int, { description: 'Quantity accepted: what matches the order, at most the ordered quantity; 0 when the goods are not the product ordered.' })
  acceptedQuantity: number;

  @Column({ name: 'accepted_amount', type: 'numeric' })
  @Field(() => DecimalScalar, { description: 'Accepted quantity × unit price, in yuan.' })
  acceptedAmount: string;
}
