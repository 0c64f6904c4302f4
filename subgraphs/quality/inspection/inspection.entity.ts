import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../shared/graphql/scalars';
import { Product } from '../product/product.stub';

/** where along the chain a sample was taken. */
export enum SamplingStage {
  PRODUCTION = 'PRODUCTION',
  DISTRIBUTION = 'DISTRIBUTION',
  USE = 'USE',
}
registerEnumType(SamplingStage, {
  name: 'SamplingStage',
  description: 'Where the sample was taken (抽检环节), Q-01.',
  valuesConfig: {
    PRODUCTION: { description: 'At the manufacturer (生产环节).' },
    DISTRIBUTION: { description: 'At a distributor (流通环节).' },
    USE: { description: 'At a medical institution (使用环节).' },
  },
});

export enum InspectionResult {
  PASSED = 'PASSED',
  FAILED = 'FAILED',
  PENDING = 'PENDING',
}
registerEnumType(InspectionResult, {
  name: 'InspectionResult',
  description: 'Outcome of a quality inspection (检验结论).',
  valuesConfig: {
    PASSED: { description: 'Meets the standard (合格).' },
    FAILED: { description: 'Does not meet the standard (不合格).' },
    PENDING: { description: 'Sampled, not yet tested (待检).' },
  },
});

/** a sampling inspection of one batch of a product. */
@Entity({ name: 'inspection' })
@ObjectType({ description: 'A quality sampling inspection (质量抽检) of one production batch of a product, Q-01. Federation entity keyed by id.' })
@Directive('@key(fields: "id")')
export class Inspection {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: 'Inspection id.' })
  id: string;

  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  @Field(() => Product, { description: 'The product inspected.' })
  product: Product;

  @Column({ name: 'manufacturer_id', type: 'uuid' })
  manufacturerId: string;

  @Column({ name: 'batch_number', type: 'text' })
  @Field(() => String, { description: 'Production batch number (生产批号) sampled.' })
  batchNumber: string;

  @Column({ name: 'sampling_stage', type: 'text' })
  @Field(() => SamplingStage, { description: 'Where the sample was taken.' })
  samplingStage: SamplingStage;

  @Column({ name: 'sampled_at_org_id', type: 'uuid', nullable: true })
  sampledAtOrgId: string | null;

  @Column({ name: 'region_code', type: 'text' })
  @Field(() => String, { description: 'GB/T 2260 code of where the sample was taken.' })
  regionCode: string;

  @Column({ name: 'sampled_on', type: 'date' })
  @Field(() => DateScalar, { description: 'Date of sampling.' })
  sampledOn: string;

  @Column({ type: 'text' })
  @Field(() => InspectionResult, { description: 'Outcome.' })
  result: InspectionResult;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Findings in the inspector’s words; empty when none.' })
  findings: string;
}
