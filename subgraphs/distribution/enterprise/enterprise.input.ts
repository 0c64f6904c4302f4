import { Field, InputType, registerEnumType } from 'type-graphql';

@InputType({ description: 'Filters for the enterprise directory; all given filters must match.' })
export class EnterpriseFilter {
  @Field(() => String, { nullable: true, description: 'GB/T 2260 code: enterprises registered in this region or below it.' })
  regionCode?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only manufacturers (true) or only non-manufacturers (false).' })
  isManufacturer?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Only distributors (true) or only non-distributors (false).' })
  isDistributor?: boolean;
}

/** What an enterprise is registered as (D-01); one or both. */
export enum EnterpriseRole {
  MANUFACTURER = 'MANUFACTURER',
  DISTRIBUTOR = 'DISTRIBUTOR',
}
registerEnumType(EnterpriseRole, {
  name: 'EnterpriseRole',
  description: 'What an enterprise does on the platform (企业类型).',
  valuesConfig: {
    MANUFACTURER: { description: 'Makes products (生产企业).' },
    DISTRIBUTOR: { description: 'Delivers products to institutions (配送企业).' },
  },
});

@InputType({ description: 'D-01: a market-regulation regulator registers an enterprise of its region (企业登记).' })
export class RegisterEnterpriseInput {
  @Field(() => String, { description: 'Registered name (企业名称) including its organisational form, e.g. 有限公司; 4–100 characters.' })
  name: string;

  @Field(() => String, { description: 'Unified social credit code (统一社会信用代码): 18 characters whose last is the GB 32100-2015 check character.' })
  creditCode: string;

  @Field(() => [EnterpriseRole], { description: 'Manufacturer, distributor, or both.' })
  roles: EnterpriseRole[];

  @Field(() => String, { description: 'GB/T 2260 code where it is registered; within the calling regulator’s region.' })
  regionCode: string;
}
