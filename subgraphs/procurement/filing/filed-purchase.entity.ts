import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../../shared/graphql/scalars';
import { ProductKind } from '../product/product.entity';

/** P-07 exemptions from the caps (Guangdong 2025 二(三)). */
export enum FiledPurchaseExemption {
  NONE = 'NONE',
  NEGOTIATED_CATALOGUE_DRUG = 'NEGOTIATED_CATALOGUE_DRUG',
  HK_MACAO_PRODUCT = 'HK_MACAO_PRODUCT',
}
registerEnumType(FiledPurchaseExemption, {
  name: 'FiledPurchaseExemption',
  description: 'Whether a filed purchase is exempt from the P-07 caps (协议期内的医保目录谈判药品、港澳药械通产品不受上述要求限制).',
  valuesConfig: {
    NONE: { description: 'Not exempt: counts towards the caps.' },
    NEGOTIATED_CATALOGUE_DRUG: { description: 'A drug of the insurance catalogue’s negotiated list within its agreement period (医保目录谈判药品); drugs only.' },
    HK_MACAO_PRODUCT: { description: 'A product admitted under the Hong Kong and Macao drugs and devices scheme (港澳药械通).' },
  },
});

/** P-07: a purchase of an unlisted product, made first and registered afterwards. */
@ObjectType({ description: 'A filed purchase (备案采购) of a product not listed on the platform, P-07: bought first for clinical need, registered within G-06 working days with a stamped statement.' })
export class FiledPurchase {
  @Field(() => ID, { description: 'Filed purchase id.' })
  id: string;

  institutionId: string;

  @Field(() => String, { description: 'GB/T 2260 code of the institution.' })
  regionCode: string;

  productId: string | null;

  @Field(() => String, { nullable: true, description: 'The product as described by the institution when it is not in the catalogue; null when a catalogue product is named.' })
  productDescription: string | null;

  @Field(() => ProductKind, { description: 'Drug or consumable.' })
  kind: ProductKind;

  @Field(() => FiledPurchaseExemption, { description: 'Exemption from the caps, if any.' })
  exemption: FiledPurchaseExemption;

  @Field(() => Int, { description: 'Quantity in the smallest unit.' })
  quantity: number;

  @Field(() => DecimalScalar, { description: 'Price per unit agreed with the supplier, in yuan.' })
  unitPrice: string;

  @Field(() => DecimalScalar, { description: 'quantity × unitPrice, in yuan.' })
  amount: string;

  @Field(() => DateScalar, { description: 'The day of the purchase.' })
  purchasedOn: string;

  @Field(() => DateScalar, { description: 'The day it was registered on the platform (China time).' })
  registeredOn: string;

  @Field(() => DateScalar, { nullable: true, description: 'The last day to register it: the G-06th working day after the purchase on the official calendar; null where no G-06 policy applies.' })
  registrationDeadline: string | null;

  @Field(() => Boolean, { description: 'True when it was registered after the deadline (recorded and flagged for the regulator, not refused).' })
  registeredLate: boolean;

  @Field(() => String, { description: 'Number of the institution’s stamped written statement (盖章的书面情况说明).' })
  statementDocumentNumber: string;

  @Field(() => String, { description: 'SHA-256 of the scanned stamped statement, lower-case hex.' })
  statementSha256: string;

  @Field(() => DateTimeScalar, { description: 'When it was recorded.' })
  createdAt: Date;
}
