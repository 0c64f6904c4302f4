import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, DateTimeScalar } from '../../shared/graphql/scalars';

const bigintAsNumber = { to: (v: number) => v, from: (v: string) => Number(v) };

/** D-05: the latest reported stock of one enterprise for one product in one region. */
@Entity({ name: 'stock_level' })
@ObjectType({ description: 'D-05: the latest stock (库存) an enterprise reported for a product in a region, with the emergency reserve (应急储备) held in it.' })
export class StockLevel {
  @PrimaryColumn({ name: 'enterprise_id', type: 'uuid' })
  enterpriseId: string;

  @PrimaryColumn({ name: 'product_id', type: 'uuid' })
  productId: string;

  @PrimaryColumn({ name: 'region_code', type: 'text' })
  @Field(() => String, { description: 'GB/T 2260 code of the region the stock serves.' })
  regionCode: string;

  @Column({ name: 'quantity_on_hand', type: 'bigint', transformer: bigintAsNumber })
  @Field(() => Int, { description: 'Quantity on hand in the smallest unit, summed over the latest report’s lines.' })
  quantityOnHand: number;

  @Column({ name: 'emergency_reserve', type: 'bigint', transformer: bigintAsNumber })
  @Field(() => Int, { description: 'Of which emergency reserve (应急储备), same unit.' })
  emergencyReserve: number;

  @Column({ name: 'report_id', type: 'uuid' })
  @Field(() => ID, { description: 'The report that set these figures.' })
  reportId: string;

  @Column({ name: 'reported_at', type: 'timestamptz' })
  @Field(() => DateTimeScalar, { description: 'When it was reported.' })
  reportedAt: Date;
}

/** D-05: one accepted stock report; a retry under its idempotency key answers with it again. */
@Entity({ name: 'stock_report' })
@ObjectType({ description: 'D-05: an accepted stock report (库存报告), all of its lines or none.' })
export class StockReport {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: 'Report id.' })
  id: string;

  @Column({ name: 'enterprise_id', type: 'uuid' })
  enterpriseId: string;

  @Column({ name: 'idempotency_key', type: 'text' })
  @Field(() => String, { description: 'The key the enterprise sent it under.' })
  idempotencyKey: string;

  @Column({ name: 'request_hash', type: 'text' })
  requestHash: string;

  @Column({ name: 'line_count', type: 'integer' })
  @Field(() => Int, { description: 'How many lines it held.' })
  lineCount: number;

  @Column({ name: 'reported_at', type: 'timestamptz' })
  @Field(() => DateTimeScalar, { description: 'When it was accepted.' })
  reportedAt: Date;
}

/** D-05: a manufacturer's production capacity for a product. */
@Entity({ name: 'capacity_report' })
@ObjectType({ description: 'D-05: a manufacturer’s reported production capacity (产能) for a product; the latest report per product.' })
export class CapacityReport {
  @PrimaryColumn({ name: 'enterprise_id', type: 'uuid' })
  enterpriseId: string;

  @PrimaryColumn({ name: 'product_id', type: 'uuid' })
  productId: string;

  @Column({ name: 'region_code', type: 'text' })
  @Field(() => String, { description: 'GB/T 2260 code of the region the capacity is reported to.' })
  regionCode: string;

  @Column({ name: 'monthly_capacity', type: 'bigint', transformer: bigintAsNumber })
  @Field(() => Int, { description: 'Units (smallest unit) it can make per month.' })
  monthlyCapacity: number;

  @Column({ name: 'reported_at', type: 'timestamptz' })
  @Field(() => DateTimeScalar, { description: 'When it was reported.' })
  reportedAt: Date;
}

export enum ProductionStopReason {
  RAW_MATERIAL_SHORTAGE = 'RAW_MATERIAL_SHORTAGE',
  EQUIPMENT_FAILURE = 'EQUIPMENT_FAILURE',
  REGULATORY_ORDER = 'REGULATORY_ORDER',
  MARKET_EXIT = 'MARKET_EXIT',
  MAINTENANCE = 'MAINTENANCE',
  OTHER = 'OTHER',
}
registerEnumType(ProductionStopReason, {
  name: 'ProductionStopReason',
  description: 'Why production stops (停产原因).',
  valuesConfig: {
    RAW_MATERIAL_SHORTAGE: { description: 'Raw or auxiliary materials are short (原料短缺).' },
    EQUIPMENT_FAILURE: { description: 'Equipment failure (设备故障).' },
    REGULATORY_ORDER: { description: 'Ordered by a regulator (监管要求停产).' },
    MARKET_EXIT: { description: 'The product leaves the market (退市).' },
    MAINTENANCE: { description: 'Planned maintenance or line conversion (计划检修).' },
    OTHER: { description: 'Another reason, see details (其他).' },
  },
});

/** D-05: a production stop report (停产报告). */
@Entity({ name: 'production_stop' })
@ObjectType({ description: 'D-05: a manufacturer’s production stop report (停产报告) for a product, sent to quality for shortage warnings (Q-06).' })
export class ProductionStop {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: 'Report id.' })
  id: string;

  @Column({ name: 'enterprise_id', type: 'uuid' })
  enterpriseId: string;

  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  @Column({ name: 'region_codes', type: 'text', array: true })
  @Field(() => [String], { description: 'GB/T 2260 codes of the regions whose supply it affects.' })
  regionCodes: string[];

  @Column({ type: 'text' })
  @Field(() => ProductionStopReason, { description: 'Why.' })
  reason: ProductionStopReason;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Free-text details.' })
  details: string | null;

  @Column({ name: 'stopped_from', type: 'date' })
  @Field(() => DateScalar, { description: 'First day without production.' })
  stoppedFrom: string;

  @Column({ name: 'expected_resume_on', type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'When production is expected to resume; null when unknown.' })
  expectedResumeOn: string | null;

  @Column({ name: 'reported_at', type: 'timestamptz' })
  @Field(() => DateTimeScalar, { description: 'When it was reported.' })
  reportedAt: Date;
}
