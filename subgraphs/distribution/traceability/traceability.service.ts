import { errors } from '../../shared/errors';
import { requireId } from '../../shared/validation';
import type { DistributionContext } from '../context';
import { Delivery } from '../delivery/delivery.entity';
import { scopeDeliveries } from '../delivery/delivery.scope';
import { requireTraceabilityCode } from './traceability-code';
import { TraceabilityCode } from './traceability.entity';
import type { RecordTraceabilityCodesInput } from './traceability.input';

const MAX_CODES = 5_000;
const BATCH_NUMBER = /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/;

/**
 * D-06: the distributor links each delivered pack's code to its delivery line (and so to product and batch).
 * One pack, one code: a code already on another line or delivery is a CONFLICT and nothing is written.
 */
export async function recordTraceabilityCodes(ctx: DistributionContext, input: RecordTraceabilityCodesInput): Promise<Delivery> {
  const deliveryId = requireId(input.deliveryId, 'deliveryId');
  if (!Array.isArray(input.codes) || input.codes.length < 1 || input.codes.length > MAX_CODES) {
    throw errors.badInput(`D-06: codes lists 1 to ${MAX_CODES} traceability codes`, { field: 'codes', rule: 'D-06' });
  }
  const codes = input.codes.map((c, i) => {
    if (!Number.isInteger(c.lineNo) || c.lineNo < 1 || c.lineNo > 1000) throw errors.badInput(`codes[${i}].lineNo must be an order line number`, { field: `codes[${i}].lineNo` });
    const batchNumber = c.batchNumber === undefined || c.batchNumber === null ? null : c.batchNumber;
    if (batchNumber !== null && (typeof batchNumber !== 'string' || !BATCH_NUMBER.test(batchNumber))) {
      throw errors.badInput(`codes[${i}].batchNumber must be 1–40 letters, digits or hyphens`, { field: `codes[${i}].batchNumber` });
    }
    return { lineNo: c.lineNo, code: requireTraceabilityCode(c.code, `codes[${i}].code`), batchNumber };
  });
  if (new Set(codes.map((c) => c.code)).size !== codes.length) throw errors.badInput('D-06: each traceability code may appear once', { field: 'codes', rule: 'D-06' });
  const distributorId = ctx.identity!.org!;

  return ctx.db.transaction(async (tx) => {
    const delivery = await tx.getRepository(Delivery).createQueryBuilder('d').setLock('pessimistic_write').where('d.id = :deliveryId', { deliveryId }).getOne();
    if (!delivery || delivery.distributorId !== distributorId) throw errors.notFound('Delivery', deliveryId);
    const lines: Array<{ line_no: number; product_id: string }> = await tx.query(`SELECT line_no, product_id FROM distribution.order_line_copy WHERE order_id = $1`, [delivery.orderId]);
    const productByLine = new Map(lines.map((l) => [l.line_no, l.product_id]));
    const unknown = codes.find((c) => !productByLine.has(c.lineNo));
    if (unknown) throw errors.badInput(`D-06: delivery ${deliveryId} has no line ${unknown.lineNo}`, { field: 'codes', rule: 'D-06' });
    // Other distributors' codes are hidden by row-level security; this definer function still finds them.
    const clash: Array<{ code: string }> = await tx.query(
      `SELECT code FROM distribution.traceability_codes_taken($1::text[], $2::int[], $3::uuid) AS t(code)`,
      [codes.map((c) => c.code), codes.map((c) => c.lineNo), deliveryId],
    );
    if (clash.length > 0) throw errors.conflict(`D-06: traceability code(s) ${clash.map((c) => c.code).join(', ')} already belong to another delivered pack`, { rule: 'D-06' });
    await tx.query(
      `INSERT INTO distribution.traceability_code (code, delivery_id, line_no, product_id, batch_number)
       SELECT c.code, $1, c.line_no, c.product_id, c.batch_number FROM unnest($2::text[], $3::int[], $4::uuid[], $5::text[]) AS c(code, line_no, product_id, batch_number)
       ON CONFLICT (code) DO NOTHING`,
      [deliveryId, codes.map((c) => c.code), codes.map((c) => c.lineNo), codes.map((c) => productByLine.get(c.lineNo)), codes.map((c) => c.batchNumber)],
    );
    ctx.log.info({ deliveryId, codes: codes.length }, 'traceability codes recorded');
    return delivery;
  });
}

/** D-06: who a pack went to, for whoever may see the delivery that carried it; anything else is NOT_FOUND. */
export async function findTraceabilityCode(ctx: DistributionContext, codeArg: string): Promise<TraceabilityCode> {
  const code = requireTraceabilityCode(codeArg);
  const qb = ctx.db.getRepository(TraceabilityCode).createQueryBuilder('t').innerJoin(Delivery, 'd', 'd.id = t.delivery_id').where('t.code = :code', { code });
  const found = await scopeDeliveries(qb, 'd', ctx.identity!).getOne();
  if (!found) throw errors.notFound('TraceabilityCode', code);
  return found;
}
