import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../shared/graphql/scalars';

/** D-06: one delivered pack's traceability code, linked to its delivery line, product and batch. */
@Entity({ name: 'traceability_code' })
@ObjectType({ description: 'D-06: a traceability code (追溯码) of one delivered pack, linking it to the delivery line, product and batch.' })
export class TraceabilityCode {
  @PrimaryColumn({ type: 'text' })
  @Field(() => String, { description: 'The 20-digit code printed on the pack.' })
  code: string;

  @Column({ name: 'delivery_id', type: 'uuid' })
  deliveryId: string;

  @Column({ name: 'line_no', type: 'integer' })
  @Field(() => Int, { description: 'The order line the pack was delivered on.' })
  lineNo: number;

  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  @Column({ name: 'batch_number', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Production batch number (批号), when the distributor gave it.' })
  batchNumber: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  @Field(() => DateTimeScalar, { description: 'When the distributor recorded it.' })
  recordedAt: Date;
}
