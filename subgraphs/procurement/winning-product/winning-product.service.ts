import { randomUUID } from 'node:crypto';
import { errors } from '../../shared/errors';
import type { WinningProductAwardedV1 } from '../../shared/events/contracts';
import { recordEvent } from '../../shared/events/outbox';
import { decimalText, todayInChina } from '../../shared/graphql/scalars';
import { requireId, requirePositiveAmount } from '../../shared/validation';
import type { ProcurementContext } from '../context';
import { BATCH_COLUMNS, batchFromRow, BatchRow } from '../batch/batch.entity';
import { requireBatchAuthority } from '../batch/batch.service';
import { WINNING_PRODUCT_COLUMNS, WinningProduct, winningProductFromRow, WinningProductRow } from './winning-product.entity';
import type { AwardWinningProductInput } from './winning-product.input';

const UNIT = /^\p{Script=Han}{1,4}$/u;

/**
 * P-03: records that a product won a batch at a price. There is deliberately no way to change or
 * withdraw the price afterwards (institutions may not renegotiate it, Chongqing plan); the database
 * refuses an update of it as well. A second award of the same product in the same batch is a CONFLICT.
 */
export async function awardWinningProduct(ctx: ProcurementContext, input: AwardWinningProductInput): Promise<WinningProduct> {
  const batchId = requireId(input.batchId, 'batchId');
  const productId = requireId(input.productId, 'productId');
  const winningPrice = decimalText(requirePositiveAmount(input.winningPrice, 'winningPrice'));
  if (typeof input.unit !== 'string' || !UNIT.test(input.unit)) throw errors.badInput('unit must be 1 to 4 Chinese characters, e.g. 片', { field: 'unit' });

  return ctx.db.transaction(async (tx) => {
    const [batchRow]: BatchRow[] = await tx.query(`SELECT ${BATCH_COLUMNS} FROM procurement.batch b WHERE b.id = $1 FOR SHARE`, [batchId]);
    if (!batchRow) throw errors.notFound('Batch', batchId);
    const batch = batchFromRow(batchRow);
    requireBatchAuthority(ctx, batch.level, batch.regionCodes);
    const [product] = await tx.query(`SELECT * FROM procurement.product WHERE id = $1`, [productId]);
    if (!product) throw errors.notFound('Product', productId);
    const nameInBatch = product.kind === 'DRUG' ? product.generic_name : product.consumable_category;
    if (product.kind !== batch.kind || !batch.genericNames.includes(nameInBatch)) {
      throw errors.badInput(`P-03: the product is not a ${batch.kind.toLowerCase()} of the batch’s generic names or categories`, { field: 'productId', rule: 'P-03' });
    }
    const awardedOn = todayInChina();
    const [row]: WinningProductRow[] = await tx.query(
      `INSERT INTO procurement.winning_product AS w (id, batch_id, product_id, manufacturer_id, winning_price, unit, awarded_on, awarded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (batch_id, product_id) DO NOTHING RETURNING ${WINNING_PRODUCT_COLUMNS}`,
      [randomUUID(), batchId, productId, product.manufacturer_id, winningPrice, input.unit, awardedOn, ctx.identity!.subject],
    );
    if (!row) throw errors.conflict('P-03: this product has already won this batch; its winning price is final', { rule: 'P-03' });
    const winning = winningProductFromRow(row);
    await recordEvent<WinningProductAwardedV1>(tx, 'procurement', {
      type: 'WinningProductAwarded',
      version: 1,
      key: winning.id,
      payload: {
        winningProductId: winning.id,
        batchId,
        batchName: batch.name,
        batchLevel: batch.level,
        regionCodes: batch.regionCodes,
        cycleStart: batch.cycleStart,
        cycleEnd: batch.cycleEnd,
        productId,
        manufacturerId: product.manufacturer_id,
        kind: product.kind,
        productName: product.name,
        genericName: product.generic_name,
        dosageForm: product.dosage_form,
        specification: product.specification,
        pack: product.pack,
        consumableCategory: product.consumable_category,
        functionGroup: product.function_group,
        isOriginator: product.is_originator,
        isReferenceDrug: product.is_reference_drug,
        passedConsistencyEvaluation: product.passed_consistency_evaluation,
        winningPrice: decimalText(winning.winningPrice),
        unit: winning.unit,
        awardedOn,
      },
    });
    ctx.log.info({ winningProductId: winning.id, batchId }, 'winning product awarded');
    return winning;
  });
}

export async function winningProductsOfBatch(ctx: ProcurementContext, batchId: string): Promise<WinningProduct[]> {
  return ctx.loaders.winningProductsByBatch.load(batchId);
}

export { winningProductFromRow };
