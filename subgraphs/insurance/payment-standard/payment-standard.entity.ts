import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../shared/graphql/scalars';
import { Product } from '../product/product.stub';

/** I-01..I-04: what the medical-insurance fund pays for one unit of a product in a region and period. */
@Entity({ name: 'payment_standard' })
@ObjectType({ description: 'A medical-insurance payment standard (医保支付标准) for a product in a region and period, with the rule that set it.' })
export class PaymentStandard {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: 'Payment standard id.' })
  id: string;

  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  @Field(() => Product, { description: 'The product this standard prices.' })
  product: Product;

  @Column({ name: 'region_code', type: 'text' })
  @Field(() => String, { description: 'GB/T 2260 code of the region that set it; it applies to every region below.' })
  regionCode: string;

  @Column({ type: 'numeric' })
  @Field(() => DecimalScalar, { description: 'Amount the fund pays per unit, in yuan (支付标准金额).' })
  amount: string;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'The unit the amount is per, e.g. 片 (tablet) or 套 (set).' })
  unit: string;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'The DOMAIN.md rule that produced it: I-01 (winning price), I-02 (same standard per generic name, capped for generics not evaluated), I-04 (non-winning consumable cap).' })
  rule: string;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'How the amount was derived, in words (e.g. the winning price of batch 7).' })
  basis: string;

  @Column({ name: 'effective_from', type: 'date' })
  @Field(() => DateScalar, { description: 'First day it applies.' })
  effectiveFrom: string;

  @Column({ name: 'batch_id', type: 'uuid', nullable: true })
  batchId: string | null;

  @Column({ name: 'effective_to', type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'Last day it applies; null while in force.' })
  effectiveTo: string | null;
}
