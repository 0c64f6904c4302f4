import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../shared/graphql/scalars';
import { ProductKind } from '../product/product.entity';

/** P-02: who runs a batch. */
export enum BatchLevel {
  NATIONAL = 'NATIONAL',
  ALLIANCE = 'ALLIANCE',
  PROVINCIAL = 'PROVINCIAL',
}
registerEnumType(BatchLevel, {
  name: 'BatchLevel',
  description: 'Who runs a procurement batch (集采层级), P-02.',
  valuesConfig: {
    NATIONAL: { description: 'National organised procurement (国家组织集中带量采购); pools the whole country (000000).' },
    ALLIANCE: { description: 'Inter-provincial alliance (省际联盟); pools several provinces.' },
    PROVINCIAL: { description: 'Provincial procurement (省级集采); pools one province.' },
  },
});

/** A batch row as read from `procurement.batch`. */
export interface BatchRow {
  id: string;
  name: string;
  level: BatchLevel;
  kind: ProductKind;
  region_codes: string[];
  generic_names: string[];
  cycle_start: string;
  cycle_end: string;
}

/** P-02: one procurement batch (批次) for a list of generic names or consumable categories over pooling regions. */
@ObjectType({ description: 'A procurement batch (集中带量采购批次), P-02: its level, pooling regions, generic names or consumable categories, and cycle. Federation entity keyed by id.' })
@Directive('@key(fields: "id")')
export class Batch {
  @Field(() => ID, { description: 'Batch id.' })
  id: string;

  @Field(() => String, { description: 'Name of the batch (批次名称).' })
  name: string;

  @Field(() => BatchLevel, { description: 'National, alliance or provincial.' })
  level: BatchLevel;

  @Field(() => ProductKind, { description: 'Whether the batch buys drugs or consumables.' })
  kind: ProductKind;

  @Field(() => [String], { description: 'Pooling regions (统筹地区): ["000000"] for a national batch, one province for a provincial one, the member provinces of an alliance.' })
  regionCodes: string[];

  @Field(() => [String], { description: 'Generic names (通用名) of a drug batch, or consumable categories (耗材分类) of a consumable batch.' })
  genericNames: string[];

  @Field(() => DateScalar, { description: 'First day of the procurement cycle (采购周期).' })
  cycleStart: string;

  @Field(() => DateScalar, { description: 'Last day of the procurement cycle.' })
  cycleEnd: string;
}

export function batchFromRow(row: BatchRow): Batch {
  return Object.assign(new Batch(), {
    id: row.id,
    name: row.name,
    level: row.level,
    kind: row.kind,
    regionCodes: row.region_codes,
    genericNames: row.generic_names,
    cycleStart: row.cycle_start,
    cycleEnd: row.cycle_end,
  });
}

/** The columns of a batch, dates as ISO text. */
export const BATCH_COLUMNS = `b.id, b.name, b.level, b.kind, b.region_codes, b.generic_names, b.cycle_start::text AS cycle_start, b.cycle_end::text AS cycle_end`;
