import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../shared/graphql/scalars';

export enum AuthorizationStatus {
  ACTIVE = 'ACTIVE',
  REVOKED = 'REVOKED',
}
registerEnumType(AuthorizationStatus, {
  name: 'AuthorizationStatus',
  description: 'Whether a distributor authorisation is in force (授权状态).',
  valuesConfig: {
    ACTIVE: { description: 'In force: the distributor delivers the product in the pooling region (有效).' },
    REVOKED: { description: 'Withdrawn by the manufacturer (已撤销).' },
  },
});

/** D-02: a manufacturer's choice of distributor (配送企业授权) for one winning product in one pooling region. */
@Entity({ name: 'distributor_authorization' })
@ObjectType({ description: 'D-02: a manufacturer authorises a distributor (委托配送) for one winning product in one pooling region (统筹地区), serving the listed areas; capped per G-07.' })
export class DistributorAuthorization {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: 'Authorisation id.' })
  id: string;

  @Column({ name: 'winning_product_id', type: 'uuid' })
  @Field(() => ID, { description: 'The winning product (中选产品) as procurement announced it.' })
  winningProductId: string;

  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  @Column({ name: 'manufacturer_id', type: 'uuid' })
  manufacturerId: string;

  @Column({ name: 'distributor_id', type: 'uuid' })
  distributorId: string;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'DRUG or CONSUMABLE: which G-07 cap applies.' })
  kind: string;

  @Column({ name: 'pooling_region_code', type: 'text' })
  @Field(() => String, { description: 'GB/T 2260 code of the pooling region (统筹地区) the G-07 cap counts in.' })
  poolingRegionCode: string;

  @Column({ name: 'coverage_region_codes', type: 'text', array: true })
  @Field(() => [String], { description: 'GB/T 2260 codes of the areas this distributor serves, within the pooling region (配送范围).' })
  coverageRegionCodes: string[];

  @Column({ type: 'text' })
  @Field(() => AuthorizationStatus, { description: 'In force or revoked.' })
  status: AuthorizationStatus;

  @Column({ name: 'authorized_at', type: 'timestamptz' })
  @Field(() => DateTimeScalar, { description: 'When the manufacturer authorised it.' })
  authorizedAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the manufacturer revoked it; null while in force.' })
  revokedAt: Date | null;

  @Column({ type: 'integer' })
  @Field(() => Int, { description: 'Row version: bumped by every change; pass it as expectedVersion to refuse a write based on a stale read.' })
  version: number;
}

/** D-02: a participating institution of a winning product that no authorised distributor serves. */
@ObjectType({ description: 'D-02: a participating institution (参加带量采购的医疗机构) of a winning product that no authorised distributor’s area covers.' })
export class UncoveredInstitution {
  @Field(() => ID, { description: 'The institution’s id.' })
  institutionId: string;

  @Field(() => String, { description: 'Its name as procurement announced it.' })
  institutionName: string;

  @Field(() => String, { description: 'GB/T 2260 code of the institution.' })
  regionCode: string;

  @Field(() => String, { description: 'The pooling region its agreed volume belongs to.' })
  poolingRegionCode: string;

  @Field(() => Int, { description: 'Its agreed volume (约定采购量) for the contract year, in the smallest unit.' })
  agreedQuantity: number;
}
