import { Field, InputType } from 'type-graphql';
import { DateScalar } from '../../shared/graphql/scalars';
import { ProductKind } from '../product/product.entity';
import { BatchLevel } from './batch.entity';

@InputType({ description: 'A new procurement batch (P-02).' })
export class CreateBatchInput {
  @Field(() => String, { description: 'Name of the batch, 1–200 characters.' })
  name: string;

  @Field(() => BatchLevel, { description: 'National (only a national regulator, region 000000), provincial (that province’s regulator) or alliance (a regulator of one member province).' })
  level: BatchLevel;

  @Field(() => ProductKind, { description: 'Drugs or consumables.' })
  kind: ProductKind;

  @Field(() => [String], { description: 'Pooling regions: ["000000"] for national, one province code (PP0000) for provincial, 2–31 province codes for an alliance.' })
  regionCodes: string[];

  @Field(() => [String], { description: 'Generic names (drugs) or consumable categories (consumables), 1–200 of them.' })
  genericNames: string[];

  @Field(() => DateScalar, { description: 'First day of the cycle.' })
  cycleStart: string;

  @Field(() => DateScalar, { description: 'Last day of the cycle; after cycleStart and at most 5 years later.' })
  cycleEnd: string;
}

@InputType({ description: 'Filters for batches; all given filters must match.' })
export class BatchFilter {
  @Field(() => BatchLevel, { nullable: true, description: 'Only batches of this level.' })
  level?: BatchLevel;

  @Field(() => ProductKind, { nullable: true, description: 'Only drug or only consumable batches.' })
  kind?: ProductKind;

  @Field(() => String, { nullable: true, description: 'Only batches whose pooling regions include this region (a national batch includes every region).' })
  regionCode?: string;

  @Field(() => String, { nullable: true, description: 'Only batches listing this generic name or consumable category, exactly.' })
  genericName?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Only batches whose cycle contains this day.' })
  activeOn?: string;
}
