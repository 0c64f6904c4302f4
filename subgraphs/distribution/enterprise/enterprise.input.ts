import { Field, InputType } from 'type-graphql';

@InputType({ description: 'Filters for the enterprise directory; all given filters must match.' })
export class EnterpriseFilter {
  @Field(() => String, { nullable: true, description: 'GB/T 2260 code: enterprises registered in this region or below it.' })
  regionCode?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only manufacturers (true) or only non-manufacturers (false).' })
  isManufacturer?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Only distributors (true) or only non-distributors (false).' })
  isDistributor?: boolean;
}
