import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../../shared/graphql/scalars';
import { PolicySource } from '../../shared/policy/jurisdiction-policy';

/** A row of `procurement.agreed_volume` joined with its winning product. */
export interface AgreedVolumeRow {
  id: string;
  institution_id: string;
  winning_product_id: string;
  product_id: string;
  batch_id: string;
  manufacturer_id: string;
  kind: string;
  winning_price: string;
  region_code: string;
  pooling_region_code: string;
  contract_year_start: string;
  contract_year_end: string;
  quantity: string;
  amount: string;
  agreed_on: string;
  version: number;
}

/** P-04: an institution's committed purchase of a winning product in one contract year. A floor, not a cap. */
@ObjectType({ description: 'An agreed volume (约定采购量), P-04: what one institution commits to buy of one winning product in one contract year. It is a floor, not a cap: purchases above it stay allowed at the winning price.' })
export class AgreedVolume {
  @Field(() => ID, { description: 'Agreed volume id.' })
  id: string;

  institutionId: string;
  winningProductId: string;
  productId: string;
  batchId: string;
  regionCode: string;

  @Field(() => DateScalar, { description: 'First day of the contract year (协议年度) it is for.' })
  contractYearStart: string;

  @Field(() => DateScalar, { description: 'Last day of that contract year.' })
  contractYearEnd: string;

  @Field(() => Int, { description: 'Agreed quantity in the smallest unit; zero only after all of it was reallocated to other members (P-06).' })
  quantity: number;

  @Field(() => DecimalScalar, { description: 'quantity × winning price, in yuan (约定采购金额), exact.' })
  amount: string;

  @Field(() => DateScalar, { description: 'The day it was first agreed.' })
  agreedOn: string;

  @Field(() => Int, { description: 'Row version: bumped by every change (set or reallocation); pass it as expectedVersion to refuse a write based on a stale read.' })
  version: number;
}

/** G-09: the basis an agreed volume is judged against. */
@ObjectType({ description: 'G-09: the basis of an agreed volume (约定采购量确定依据): last year’s purchases and the share range the region’s policy names.' })
export class AgreedVolumeBasis {
  @Field(() => DateScalar, { description: 'First day of the twelve months before the contract year that "last year" covers.' })
  lastYearFrom: string;

  @Field(() => DateScalar, { description: 'Last day of those twelve months.' })
  lastYearTo: string;

  @Field(() => Int, { description: 'Quantity of this product the institution bought in those twelve months (orders not cancelled), from its order lines.' })
  lastYearPurchasedQuantity: number;

  @Field(() => String, { nullable: true, description: 'The policy’s basis in its own words; null when no region up the chain sets one.' })
  policyBasis: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Lowest share of last year’s use the policy names, e.g. "0.6"; null when it names none.' })
  minShareOfLastYearUse: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Highest share of last year’s use the policy names, e.g. "0.7"; null when it names none.' })
  maxShareOfLastYearUse: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the agreed quantity lies within the policy’s share range of last year’s purchases; null when there is no range or no purchase last year to judge by. Out of range is flagged for review, not refused.',
  })
  withinRange: boolean | null;

  @Field(() => PolicySource, { nullable: true, description: 'The policy the basis comes from.' })
  source: PolicySource | null;
}

/** P-06: one move of agreed volume between two members of a medical community. */
@ObjectType({ description: 'A reallocation (调剂) of agreed volume between two member units of one county medical community, P-06; the community total is unchanged.' })
export class AgreedVolumeReallocation {
  @Field(() => ID, { description: 'Reallocation id.' })
  id: string;

  medicalCommunityId: string;
  winningProductId: string;
  fromInstitutionId: string;
  toInstitutionId: string;

  @Field(() => DateScalar, { description: 'First day of the contract year whose volumes moved.' })
  contractYearStart: string;

  @Field(() => Int, { description: 'Quantity moved, in the smallest unit.' })
  quantity: number;

  @Field(() => String, { description: 'Who moved it (the token subject of the lead unit’s or regulator’s user).' })
  reallocatedBy: string;

  @Field(() => DateTimeScalar, { description: 'When.' })
  reallocatedAt: Date;
}

export function agreedVolumeFromRow(row: AgreedVolumeRow): AgreedVolume {
  const quantity = Number(row.quantity);
  return Object.assign(new AgreedVolume(), {
    id: row.id,
    institutionId: row.institution_id,
    winningProductId: row.winning_product_id,
    productId: row.product_id,
    batchId: row.batch_id,
    regionCode: row.region_code,
    contractYearStart: row.contract_year_start,
    contractYearEnd: row.contract_year_end,
    quantity,
    amount: row.amount,
    agreedOn: row.agreed_on,
    version: row.version,
  });
}

/** Columns of an agreed volume joined to its winning product `w`. */
export const AGREED_VOLUME_COLUMNS = `av.id, av.institution_id, av.winning_product_id, w.product_id, w.batch_id, w.manufacturer_id, w.winning_price::text AS winning_price,
  av.region_code, av.pooling_region_code, av.contract_year_start::text AS contract_year_start, av.contract_year_end::text AS contract_year_end,
  av.quantity, (av.quantity * w.winning_price)::text AS amount, av.agreed_on::text AS agreed_on, av.version`;
