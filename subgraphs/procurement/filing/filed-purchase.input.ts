import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../shared/graphql/scalars';
import { ProductKind } from '../product/product.entity';
import { FiledPurchaseExemption } from './filed-purchase.entity';

@InputType({ description: 'A purchase of an unlisted product to register (备案采购登记), P-07.' })
export class FileOffListPurchaseInput {
  @Field(() => ID, { nullable: true, description: 'The catalogue product, when it is in the catalogue (but not listed for the institution); give this or productDescription.' })
  productId?: string;

  @Field(() => String, { nullable: true, description: 'The product (name, specification, manufacturer), 1–300 characters, when it is not in the catalogue.' })
  productDescription?: string;

  @Field(() => ProductKind, { description: 'Drug or consumable; must match the catalogue product when one is named.' })
  kind: ProductKind;

  @Field(() => FiledPurchaseExemption, { description: 'Exemption from the caps, or NONE.' })
  exemption: FiledPurchaseExemption;

  @Field(() => Int, { description: 'Quantity in the smallest unit, a whole number ≥ 1.' })
  quantity: number;

  @Field(() => DecimalScalar, { description: 'Price per unit agreed with the supplier, in yuan.' })
  unitPrice: string;

  @Field(() => DecimalScalar, { description: 'The amount paid, in yuan: exactly quantity × unitPrice.' })
  amount: string;

  @Field(() => DateScalar, { description: 'The day of the purchase; not in the future.' })
  purchasedOn: string;

  @Field(() => String, { description: 'Number of the stamped written statement, 1–100 characters.' })
  statementDocumentNumber: string;

  @Field(() => String, { description: 'SHA-256 of the scanned stamped statement, 64 hex characters.' })
  statementSha256: string;
}

@InputType({ description: 'Filters for filed purchases; all given filters must match, within the caller’s scope.' })
export class FiledPurchaseFilter {
  @Field(() => ID, { nullable: true, description: 'Only this institution’s.' })
  institutionId?: string;

  @Field(() => Int, { nullable: true, description: 'Only purchases made in this calendar year.' })
  year?: number;

  @Field(() => Boolean, { nullable: true, description: 'Only those registered late (true) or on time (false).' })
  registeredLate?: boolean;
}
