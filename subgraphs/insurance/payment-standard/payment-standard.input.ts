import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../shared/graphql/scalars';

@InputType({ description: 'Filters for payment standards; all given filters must match.' })
export class PaymentStandardFilter {
  @Field(() => ID, { nullable: true, description: 'Only standards for this product.' })
  productId?: string;

  @Field(() => String, { nullable: true, description: 'Only standards set by this region or a region below it (GB/T 2260).' })
  regionCode?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Only standards in force on this date.' })
  on?: string;
}
