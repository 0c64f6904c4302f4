import { randomUUID } from 'node:crypto';
import { Department, Role } from '../../shared/auth/identity';
import { errors } from '../../shared/errors';
import { pageRequest, PageInput, toPage } from '../../shared/graphql/pagination';
import { parseIsoDate } from '../../shared/graphql/scalars';
import { NATIONAL_REGION, regionChain } from '../../shared/region';
import { requireId, requireRegionCode, requireText } from '../../shared/validation';
import type { ProcurementContext } from '../context';
import { addYears } from './contract-year';
import { Batch, BATCH_COLUMNS, batchFromRow, BatchLevel, BatchRow } from './batch.entity';
import type { BatchFilter, CreateBatchInput } from './batch.input';

const HAN = /\p{Script=Han}/u;
const MAX_CYCLE_YEARS = 5;
const MAX_GENERIC_NAMES = 200;

/** A generic name or category: plain text, no control characters (which PostgreSQL text cannot hold anyway). */
export function requireGenericName(value: string, field: string): string {
  const name = requireText(value, field);
  if (/\p{Cc}/u.test(name)) throw errors.badInput(`${field} may not contain control characters`, { field });
  return name;
}

/** A batch's official name: published in Chinese, so it holds at least one Han character and no control characters. */
function requireBatchName(value: string): string {
  const name = requireText(value, 'name');
  if (!HAN.test(name) || /\p{Cc}/u.test(name)) throw errors.badInput('name must be the batch’s official name in Chinese (批次名称)', { field: 'name' });
  return name;
}

/** P-02: the pooling regions a level allows. */
function requirePoolingRegions(level: BatchLevel, codes: string[]): string[] {
  if (!Array.isArray(codes)) throw errors.badInput('regionCodes must be a list', { field: 'regionCodes' });
  const regions = [...new Set(codes.map((c, i) => requireRegionCode(c, `regionCodes[${i}]`)))].sort();
  const provinces = regions.every((r) => r !== NATIONAL_REGION && r.endsWith('0000'));
  const ok =
    level === BatchLevel.NATIONAL
      ? regions.length === 1 && regions[0] === NATIONAL_REGION
      : level === BatchLevel.PROVINCIAL
        ? regions.length === 1 && provinces
        : regions.length >= 2 && regions.length <= 31 && provinces;
  if (!ok) {
    throw errors.badInput('P-02: a national batch pools 000000, a provincial one exactly one province (PP0000), an alliance 2–31 provinces', {
      field: 'regionCodes',
      rule: 'P-02',
    });
  }
  return regions;
}

/**
 * Who may open a batch of a level: the national bureau any; a provincial bureau its own province's
 * batch, or an alliance it belongs to (the alliance's lead province files it). Lower levels run none.
 */
export function requireBatchAuthority(ctx: ProcurementContext, level: BatchLevel, regions: string[]): void {
  const identity = ctx.identity!;
  if (identity.role !== Role.REGULATOR || identity.department !== Department.MEDICAL_INSURANCE) throw errors.forbidden();
  if (identity.region === NATIONAL_REGION) return;
  if (level !== BatchLevel.NATIONAL && regions.includes(identity.region!)) return;
  throw errors.forbidden(`P-02: a ${level.toLowerCase()} batch is opened by the medical insurance bureau of ${level === BatchLevel.NATIONAL ? 'the nation (000000)' : 'one of its provinces'}`);
}

/** P-02: opens a batch after checking level, regions, names and cycle. */
export async function createBatch(ctx: ProcurementContext, input: CreateBatchInput): Promise<Batch> {
  const name = requireBatchName(input.name);
  const regions = requirePoolingRegions(input.level, input.regionCodes);
  const cycleStart = parseIsoDate(input.cycleStart);
  const cycleEnd = parseIsoDate(input.cycleEnd);
  if (cycleEnd <= cycleStart) throw errors.badInput('P-02: the cycle must end after it starts', { field: 'cycleEnd', rule: 'P-02' });
  if (cycleEnd >= addYears(cycleStart, MAX_CYCLE_YEARS)) throw errors.badInput(`P-02: a cycle lasts at most ${MAX_CYCLE_YEARS} years`, { field: 'cycleEnd', rule: 'P-02' });
  if (!Array.isArray(input.genericNames) || input.genericNames.length < 1 || input.genericNames.length > MAX_GENERIC_NAMES) {
    throw errors.badInput(`genericNames holds 1 to ${MAX_GENERIC_NAMES} names`, { field: 'genericNames' });
  }
  const genericNames = [...new Set(input.genericNames.map((g, i) => requireGenericName(g, `genericNames[${i}]`)))];
  requireBatchAuthority(ctx, input.level, regions);

  return ctx.db.transaction(async (tx) => {
    // A batch buys what the catalogue knows: each name must be a generic name (drugs) or category (consumables) of it.
    const known: Array<{ name: string }> = await tx.query(
      `SELECT DISTINCT CASE WHEN kind = 'DRUG' THEN generic_name ELSE consumable_category END AS name
         FROM procurement.product WHERE kind = $1 AND (generic_name = ANY($2) OR consumable_category = ANY($2))`,
      [input.kind, genericNames],
    );
    const unknown = genericNames.filter((g) => !known.some((k) => k.name === g));
    if (unknown.length > 0) {
      throw errors.badInput(`P-02: no ${input.kind.toLowerCase()} in the catalogue has the generic name or category ${unknown.join(', ')}`, { field: 'genericNames', rule: 'P-02' });
    }
    const [row]: BatchRow[] = await tx.query(
      `INSERT INTO procurement.batch AS b (id, name, level, kind, region_codes, generic_names, cycle_start, cycle_end, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${BATCH_COLUMNS}`,
      [randomUUID(), name, input.level, input.kind, regions, genericNames, cycleStart, cycleEnd, ctx.identity!.subject],
    );
    ctx.log.info({ batchId: row.id, level: row.level }, 'batch created');
    return batchFromRow(row);
  });
}

/** Batches are published procurement results, readable by every persona. */
export async function listBatches(ctx: ProcurementContext, filter: BatchFilter | undefined, page: PageInput | undefined) {
  const request = pageRequest(page);
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (filter?.level !== undefined && filter.level !== null) add((p) => `b.level = ${p}`, filter.level);
  if (filter?.kind !== undefined && filter.kind !== null) add((p) => `b.kind = ${p}`, filter.kind);
  if (filter?.regionCode !== undefined && filter.regionCode !== null) add((p) => `b.region_codes && ${p}::text[]`, regionChain(requireRegionCode(filter.regionCode)));
  if (filter?.genericName !== undefined && filter.genericName !== null) add((p) => `${p} = ANY(b.generic_names)`, requireGenericName(filter.genericName, 'genericName'));
  if (filter?.activeOn !== undefined && filter.activeOn !== null) add((p) => `${p}::date BETWEEN b.cycle_start AND b.cycle_end`, filter.activeOn);
  if (request.afterKey) add((p) => `b.id > ${p}`, requireId(request.afterKey, 'after'));
  params.push(request.limit + 1);
  const rows: BatchRow[] = await ctx.db.query(
    `SELECT ${BATCH_COLUMNS} FROM procurement.batch b ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY b.id LIMIT $${params.length}`,
    params,
  );
  return toPage(rows.map(batchFromRow), request, (b) => b.id);
}

export async function getBatch(ctx: ProcurementContext, id: string): Promise<Batch> {
  const batch = await ctx.loaders.batchById.load(requireId(id));
  if (!batch) throw errors.notFound('Batch', id);
  return batch;
}
