import { Field, ID, InputType, Int } from 'type-graphql';
import { DateTimeScalar } from '../../shared/graphql/scalars';
import { ReceivedLineInput } from '../receipt/receipt.input';
import { DeliveryStatus } from './delivery.entity';

@InputType({ description: 'The distributor ships a whole order.' })
export class ShipOrderInput {
  @Field(() => ID, { description: 'The order to ship; it must be assigned to the calling distributor.' })
  orderId: string;

  @Field(() => String, { nullable: true, description: 'Client-chosen key: a retry with the same key and order returns the delivery the first call created; the key with another order is a CONFLICT.' })
  idempotencyKey?: string;
}

@InputType({ description: 'The institution confirms receipt of a delivery on the platform (D-03, G-05).' })
export class ConfirmReceiptInput {
  @Field(() => ID, { description: 'The delivery received.' })
  deliveryId: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the goods were checked and put in store (验收入库); not before shipping, not in the future. Default: now.' })
  warehousedAt?: Date;

  @Field(() => Int, { nullable: true, description: 'The delivery version the caller read; a different current version is a CONFLICT (nothing written).' })
  expectedVersion?: number;

  @Field(() => [ReceivedLineInput], {
    nullable: true,
    description: 'D-03: what arrived on each order line, checked against the order; differences are recorded and only matching goods, up to the ordered quantity, are accepted and paid for. Omitted: every line arrived exactly as ordered.',
  })
  lines?: ReceivedLineInput[];
}

@InputType({ description: 'Filters for deliveries; all given filters must match, within the caller’s scope.' })
export class DeliveryFilter {
  @Field(() => DeliveryStatus, { nullable: true, description: 'Only deliveries in this status.' })
  status?: DeliveryStatus;

  @Field(() => Boolean, { nullable: true, description: 'Only receipts confirmed late (true) or on time (false), G-05.' })
  confirmedLate?: boolean;

  @Field(() => ID, { nullable: true, description: 'Only the delivery of this order.' })
  orderId?: string;

  @Field(() => Boolean, { nullable: true, description: 'D-03: only receipts with (true) or without (false) discrepancies.' })
  hasDiscrepancies?: boolean;

  @Field(() => String, { nullable: true, description: 'D-06: only the delivery that carried the pack with this 20-digit traceability code (追溯码).' })
  traceabilityCode?: string;
}
