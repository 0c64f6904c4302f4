import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { regionChain } from '../../shared/region';
import { PaymentStandard } from './payment-standard.entity';

/** The loader key of "the standard for this product in this region on this date". */
export function standardKey(productId: string, regionCode: string, on: string): string {
  return `${productId}|${regionCode}|${on}`;
}

/**
 * Payment standards in force, batched per request. A region without its own standard uses its nearest
 * ancestor's (a provincial standard applies in every city of the province).
 */
export function createPaymentStandardLoader(db: EntityManager): DataLoader<string, PaymentStandard | null> {
  return new DataLoader(async (keys: readonly string[]) => {
    const asked = keys.map((key) => {
      const [productId, region, on] = key.split('|');
      return { productId, on, chain: regionChain(region) };
    });
    const rows = await db
      .getRepository(PaymentStandard)
      .createQueryBuilder('s')
      .where('s.product_id = ANY(:products)', { products: [...new Set(asked.map((a) => a.productId))] })
      .andWhere('s.region_code = ANY(:regions)', { regions: [...new Set(asked.flatMap((a) => a.chain))] })
      .orderBy('s.effective_from', 'DESC')
      .getMany();
    return asked.map(({ productId, on, chain }) => {
      const inForce = rows.filter(
        (s) => s.productId === productId && s.effectiveFrom <= on && (!s.effectiveTo || s.effectiveTo >= on) && chain.includes(s.regionCode),
      );
      inForce.sort((a, b) => chain.indexOf(a.regionCode) - chain.indexOf(b.regionCode));
      return inForce[0] ?? null;
    });
  });
}
