import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../shared/graphql/scalars';
import { Product } from '../product/product.stub';
import { PaymentStandard } from './payment-standard.entity';

/** I-03: how a purchase at a given price splits between the fund's settlement and the patient's own payment. */
@ObjectType({
  description:
    'I-03 split of a price against the payment standard (支付标准): the fund settles up to the standard, the patient pays any price above it (超出部分由患者自付); a price below the standard is settled at the actual price (按实际价格支付). The Chongqing 3-year phase-in of large gaps is not applied: the seed leaves its schedule to later measures.',
})
export class PatientShare {
  @Field(() => Product, { description: 'The product priced.' })
  product: Product;

  @Field(() => String, { description: 'GB/T 2260 code of the region asked about.' })
  regionCode: string;

  @Field(() => DateScalar, { description: 'The day the standard was read for.' })
  on: string;

  @Field(() => DecimalScalar, { description: 'The price per unit asked about, in yuan.' })
  unitPrice: string;

  @Field(() => Int, { description: 'Units purchased.' })
  quantity: number;

  @Field(() => PaymentStandard, { description: 'The standard in force, with the rule that produced it.' })
  standard: PaymentStandard;

  @Field(() => DecimalScalar, { description: 'Per unit settled by the fund’s standard: the lower of the price and the standard.' })
  fundUnitAmount: string;

  @Field(() => DecimalScalar, { description: 'Per unit the patient pays above the standard (0 when the price is at or below it).' })
  patientUnitAmount: string;

  @Field(() => DecimalScalar, { description: 'fundUnitAmount × quantity: what is settled at the standard (before the patient’s ordinary co-payment share).' })
  fundAmount: string;

  @Field(() => DecimalScalar, { description: 'patientUnitAmount × quantity: what the patient pays on top (自付).' })
  patientAmount: string;

  @Field(() => DecimalScalar, { description: 'unitPrice × quantity.' })
  totalAmount: string;

  @Field(() => String, { description: 'Which branch of I-03 applied, in words.' })
  explanation: string;
}
