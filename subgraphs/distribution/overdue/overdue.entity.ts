import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PolicySource } from '../../shared/policy/jurisdiction-policy';
import { DateTimeScalar, DecimalScalar } from '../../shared/graphql/scalars';

/** D-04: an order not delivered within the platform's time limit for it (超期未配送订单). */
@ObjectType({ description: 'D-04: an order not yet shipped past the platform’s delivery time limit (超期未配送预警), with the limit that applied and where it came from.' })
export class OverdueOrder {
  @Field(() => ID, { description: 'The order id.' })
  orderId: string;

  institutionId: string;
  distributorId: string;

  @Field(() => String, { description: 'GB/T 2260 code of the ordering institution.' })
  regionCode: string;

  @Field(() => DecimalScalar, { description: 'Order amount, in yuan.' })
  totalAmount: string;

  @Field(() => DateTimeScalar, { description: 'When it was placed; the clock starts here.' })
  placedAt: Date;

  @Field(() => Boolean, { description: 'An emergency order (紧急订单): the emergency limit applied.' })
  emergency: boolean;

  @Field(() => Boolean, { description: 'The institution lies in a remote area (偏远地区) of the register: the remote-area limit applied.' })
  remoteArea: boolean;

  @Field(() => Int, { description: 'The limit that applied, in hours.' })
  limitHours: number;

  @Field(() => DateTimeScalar, { description: 'placedAt + limitHours.' })
  deadline: Date;

  @Field(() => Int, { description: 'Whole hours past the deadline.' })
  hoursOverdue: number;

  @Field(() => PolicySource, { description: 'The policy version that set the limit.' })
  source: PolicySource;
}
