import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'D-03: what the institution found on one delivered line, to be checked against the order.' })
export class ReceivedLineInput {
  @Field(() => Int, { description: 'The order line, from 1.' })
  lineNo: number;

  @Field(() => String, { description: 'Product name on the goods (名称).' })
  productName: string;

  @Field(() => String, { description: 'Specification on the goods (规格).' })
  specification: string;

  @Field(() => String, { nullable: true, description: 'Dosage form on the goods (剂型); null for a consumable.' })
  dosageForm?: string;

  @Field(() => String, { description: 'Pack on the goods (包装).' })
  pack: string;

  @Field(() => ID, { description: 'The manufacturer (生产厂家) of the goods, by enterprise id.' })
  manufacturerId: string;

  @Field(() => Int, { description: 'Quantity received, in the smallest unit; 0 when nothing of this line arrived.' })
  quantity: number;
}
