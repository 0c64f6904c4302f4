import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../shared/graphql/scalars';

/** A winning product row as read from `procurement.winning_product`. */
export interface WinningProductRow {
  id: string;
  batch_id: string;
  product_id: string;
  manufacturer_id: string;
  winning_price: string;
  unit: string;
  awarded_on: string;
}

/** P-03: a product that won a batch, at a winning price no one may renegotiate. */
@ObjectType({ description: 'A winning product (中选产品), P-03: a product that won a batch at its winning price (中选价格). The price is final: there is no way to change it. Federation entity keyed by id.' })
@Directive('@key(fields: "id")')
export class WinningProduct {
  @Field(() => ID, { description: 'Winning product id.' })
  id: string;

  batchId: string;
  productId: string;
  manufacturerId: string;

  @Field(() => DecimalScalar, { description: 'Winning price per smallest unit, in yuan (中选价格); final (P-03).' })
  winningPrice: string;

  @Field(() => String, { description: 'The smallest unit the price is per (最小计量单位), e.g. 片, 支, 套.' })
  unit: string;

  @Field(() => DateScalar, { description: 'The day the award was recorded.' })
  awardedOn: string;
}

export function winningProductFromRow(row: WinningProductRow): WinningProduct {
  return Object.assign(new WinningProduct(), {
    id: row.id,
    batchId: row.batch_id,
    productId: row.product_id,
    manufacturerId: row.manufacturer_id,
    winningPrice: row.winning_price,
    unit: row.unit,
    awardedOn: row.awarded_on,
  });
}

export const WINNING_PRODUCT_COLUMNS = `w.id, w.batch_id, w.product_id, w.manufacturer_id, w.winning_price::text AS winning_price, w.unit, w.awarded_on::text AS awarded_on`;
