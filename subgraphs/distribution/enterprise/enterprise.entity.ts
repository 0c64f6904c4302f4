import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ENTITY_DESCRIPTIONS } from '../../shared/graphql/entity-descriptions';

/** Whether an enterprise may trade (D-01 credit status as recorded by the platform). */
export enum EnterpriseStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  DEREGISTERED = 'DEREGISTERED',
}
registerEnumType(EnterpriseStatus, {
  name: 'EnterpriseStatus',
  description: 'Standing of an enterprise on the platform (企业状态).',
  valuesConfig: {
    ACTIVE: { description: 'May trade (正常).' },
    SUSPENDED: { description: 'Temporarily barred from trading (暂停).' },
    DEREGISTERED: { description: 'No longer exists as a legal person (注销).' },
  },
});

/** D-01: a manufacturer (生产企业), a distributor (配送企业), or both. */
@Entity({ name: 'enterprise' })
@ObjectType({ description: ENTITY_DESCRIPTIONS.Enterprise })
@Directive('@key(fields: "id")')
export class Enterprise {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: 'Enterprise id.' })
  id: string;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Registered name (企业名称).' })
  name: string;

  @Column({ name: 'credit_code', type: 'text' })
  @Field(() => String, { description: 'Unified social credit code (统一社会信用代码), 18 characters with a check character (GB 32100-2015).' })
  creditCode: string;

  @Column({ name: 'is_manufacturer', type: 'boolean' })
  @Field(() => Boolean, { description: 'Makes products (生产企业).' })
  isManufacturer: boolean;

  @Column({ name: 'is_distributor', type: 'boolean' })
  @Field(() => Boolean, { description: 'Delivers products to institutions (配送企业).' })
  isDistributor: boolean;

  @Column({ name: 'region_code', type: 'text' })
  @Field(() => String, { description: 'GB/T 2260 code of where it is registered.' })
  regionCode: string;

  @Column({ type: 'text' })
  @Field(() => EnterpriseStatus, { description: 'Standing on the platform.' })
  status: EnterpriseStatus;
}
