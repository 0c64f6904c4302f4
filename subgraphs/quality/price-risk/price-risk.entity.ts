import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../shared/graphql/scalars';

export enum FlagColour {
  RED = 'RED',
  YELLOW = 'YELLOW',
}
registerEnumType(FlagColour, {
  name: 'FlagColour',
  description: 'Price-risk marking (红黄标识), Q-05.',
  valuesConfig: { RED: { description: 'Red: serious price risk (红色标识).' }, YELLOW: { description: 'Yellow: price risk to watch (黄色标识).' } },
});

export enum PriceRiskBasis {
  ABNORMAL_SALES_GROWTH = 'ABNORMAL_SALES_GROWTH',
  REPEATED_PRICE_RISE = 'REPEATED_PRICE_RISE',
  OTHER = 'OTHER',
}
registerEnumType(PriceRiskBasis, {
  name: 'PriceRiskBasis',
  description: 'Why a product is a price-risk product (价格风险品种), Q-05.',
  valuesConfig: {
    ABNORMAL_SALES_GROWTH: { description: 'Abnormal growth of sales (销售额异常增长).' },
    REPEATED_PRICE_RISE: { description: 'Repeated price rises (连续涨价).' },
    OTHER: { description: 'Another ground, stated in the reason.' },
  },
});

export enum PriceRiskAction {
  REMINDER = 'REMINDER',
  INTERVIEW = 'INTERVIEW',
  INQUIRY = 'INQUIRY',
  SUSPENSION = 'SUSPENSION',
  DELISTING = 'DELISTING',
}
registerEnumType(PriceRiskAction, {
  name: 'PriceRiskAction',
  description: 'What was done about a price risk (Q-05); SUSPENSION and DELISTING change the listing (P-08).',
  valuesConfig: {
    REMINDER: { description: 'Reminder (提醒).' },
    INTERVIEW: { description: 'Interview of the enterprise (约谈).' },
    INQUIRY: { description: 'Written inquiry (函询).' },
    SUSPENSION: { description: 'Listing suspended (暂停挂网); procurement applies it.' },
    DELISTING: { description: 'Listing withdrawn (撤网); procurement applies it.' },
  },
});

@ObjectType({ description: 'A price-risk flag on a product in a region and the action taken (Q-05).' })
export class PriceRiskFlag {
  @Field(() => ID, { description: 'Flag id.' })
  id: string;

  productId: string;
  enterpriseId: string;

  @Field(() => String, { description: 'GB/T 2260 code of the region whose listing is concerned.' })
  regionCode: string;

  @Field(() => FlagColour, { description: 'Red or yellow.' })
  colour: FlagColour;

  @Field(() => PriceRiskBasis, { description: 'The ground.' })
  basis: PriceRiskBasis;

  @Field(() => PriceRiskAction, { description: 'The action taken.' })
  action: PriceRiskAction;

  @Field(() => String, { description: 'The reason, as the regulator stated it.' })
  reason: string;

  @Field(() => DateScalar, { description: 'When the flag was set.' })
  flaggedOn: string;
}

export const FLAG_COLUMNS = `f.id, f.product_id AS "productId", f.enterprise_id AS "enterpriseId", f.region_code AS "regionCode", f.colour, f.basis,
  f.action, f.reason, f.flagged_on::text AS "flaggedOn"`;

@ObjectType({ description: 'A product whose sales grew abnormally or whose listed price rose repeatedly: detected from order and listing data (Q-05).' })
export class PriceRiskSignal {
  productId: string;

  @Field(() => PriceRiskBasis, { description: 'What was detected.' })
  basis: PriceRiskBasis;

  @Field(() => String, { description: 'GB/T 2260 code: the province of the sales, or the listing’s region.' })
  regionCode: string;

  @Field(() => String, { nullable: true, description: 'Sales growth: the month compared (YYYY-MM); null for price rises.' })
  month: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Sales amount (yuan) in the month before; null for price rises.' })
  previousSales: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Sales amount (yuan) in the month; null for price rises.' })
  sales: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Month-on-month growth as a share (0.5 = +50%); null for price rises.' })
  growth: string | null;

  @Field(() => Int, { nullable: true, description: 'Price rises within the window; null for sales growth.' })
  priceRises: number | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'The listed price now; null for sales growth.' })
  listedPrice: string | null;

  @Field(() => String, { description: 'The threshold applied and the policy that set it.' })
  threshold: string;
}
