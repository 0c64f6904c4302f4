import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { errors } from '../../shared/errors';
import { pageRequest, PageInput, toPage } from '../../shared/graphql/pagination';
import { todayInChina } from '../../shared/graphql/scalars';
import { regionChain, regionLikePattern } from '../../shared/region';
import { requireCurrentVersion, updateVersioned } from '../../shared/db/versioned-update';
import { requireId, requireQuantity, requireRegionCode } from '../../shared/validation';
import type { ProcurementContext } from '../context';
import { contractYearContaining, contractYearsIn } from '../batch/contract-year';
import { AGREED_VOLUME_COLUMNS, AgreedVolume, agreedVolumeFromRow, AgreedVolumeRow } from './agreed-volume.entity';
import { recordAgreedVolumesSet } from './agreed-volume.events';
import type { AgreedVolumeFilter, SetAgreedVolumeInput } from './agreed-volume.input';
import { agreedVolumeScope } from './agreed-volume.scope';
import { visibleInstitutions } from '../institution/institution.scope';

/** Agreed volumes by id within the caller's scope, through any runner (the request's transaction or a service's savepoint). */
export async function readAgreedVolumes(ctx: ProcurementContext, ids: readonly string[], runner: Pick<EntityManager, 'query'> = ctx.db): Promise<AgreedVolume[]> {
  const scope = agreedVolumeScope(ctx.identity!, '$2');
  const rows: AgreedVolumeRow[] = await runner.query(
    `SELECT ${AGREED_VOLUME_COLUMNS} FROM procurement.agreed_volume av JOIN procurement.winning_product w ON w.id = av.winning_product_id
      WHERE av.id = ANY($1) AND ${scope.clause} ORDER BY av.id`,
    [ids, scope.value],
  );
  return rows.map(agreedVolumeFromRow);
}

/** P-04 agreed volumes within the caller's scope, filtered, by id. */
export async function listAgreedVolumes(ctx: ProcurementContext, filter: AgreedVolumeFilter | undefined, page: PageInput | undefined) {
  const request = pageRequest(page);
  const scope = agreedVolumeScope(ctx.identity!, '$1');
  const params: unknown[] = [scope.value];
  const where = [scope.clause];
  const add = (clause: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (filter?.institutionId != null) add((p) => `av.institution_id = ${p}`, requireId(filter.institutionId, 'institutionId'));
  if (filter?.batchId != null) add((p) => `w.batch_id = ${p}`, requireId(filter.batchId, 'batchId'));
  if (filter?.winningProductId != null) add((p) => `av.winning_product_id = ${p}`, requireId(filter.winningProductId, 'winningProductId'));
  if (filter?.regionCode != null) add((p) => `av.region_code LIKE ${p}`, regionLikePattern(requireRegionCode(filter.regionCode)));
  if (filter?.contractYearOn != null) add((p) => `${p}::date BETWEEN av.contract_year_start AND av.contract_year_end`, filter.contractYearOn);
  if (request.afterKey) add((p) => `av.id > ${p}`, requireId(request.afterKey, 'after'));
  params.push(request.limit + 1);
  const rows: AgreedVolumeRow[] = await ctx.db.query(
    `SELECT ${AGREED_VOLUME_COLUMNS} FROM procurement.agreed_volume av JOIN procurement.winning_product w ON w.id = av.winning_product_id
      WHERE ${where.join(' AND ')} ORDER BY av.id LIMIT $${params.length}`,
    params,
  );
  return toPage(rows.map(agreedVolumeFromRow), request, (a) => a.id);
}

/** The batch pooling region that contains an institution's region (000000 for a national batch), if any. */
export function poolingRegionOf(batchRegions: string[], institutionRegion: string): string | undefined {
  const chain = regionChain(institutionRegion);
  return batchRegions.find((r) => chain.includes(r));
}

/**
 * P-04: sets (or changes) an institution's agreed volume for a winning product and contract year. Only
 * the medical insurance bureau of the institution's region does this (the permission layer admits only
 * medical insurance regulators; the scope check below their region): the Guichi plan makes the bureau
 * responsible for fixing volumes, so an institution proposes but cannot commit its own floor.
 * G-09's share range is shown on each volume (AgreedVolume.basis) but not enforced: Chongqing's 60–70%
 * fixes the municipality's total, not each institution's figure, and Guichi asks for judgement
 * ("原则上", with stock and trend), so one institution's figure may lie outside the range.
 */
export async function setAgreedVolume(ctx: ProcurementContext, input: SetAgreedVolumeInput): Promise<AgreedVolume> {
  const institutionId = requireId(input.institutionId, 'institutionId');
  const winningProductId = requireId(input.winningProductId, 'winningProductId');
  const quantity = requireQuantity(input.quantity, 'quantity');
  const day = input.contractYearOn ?? todayInChina();
  const expected = input.expectedVersion ?? undefined;
  if (expected !== undefined && (!Number.isInteger(expected) || expected < 1)) throw errors.badInput('expectedVersion must be a whole number from 1', { field: 'expectedVersion' });

  return ctx.db.transaction(async (tx) => {
    const institution = (await visibleInstitutions(tx, ctx.identity!, [institutionId])).get(institutionId);
    if (!institution) throw errors.notFound('Institution', institutionId);
    const [winning] = await tx.query(
      `SELECT w.id, w.product_id, b.region_codes, b.cycle_start::text AS cycle_start, b.cycle_end::text AS cycle_end
         FROM procurement.winning_product w JOIN procurement.batch b ON b.id = w.batch_id WHERE w.id = $1`,
      [winningProductId],
    );
    if (!winning) throw errors.notFound('WinningProduct', winningProductId);
    const pooling = poolingRegionOf(winning.region_codes, institution.regionCode);
    if (!pooling) {
      throw errors.badInput(`P-04: the institution (region ${institution.regionCode}) is not in a pooling region of this winning product’s batch`, { field: 'institutionId', rule: 'P-04' });
    }
    const year = contractYearContaining(await contractYearsIn(tx, institution.regionCode, winning.cycle_start, winning.cycle_end), day);
    if (!year) throw errors.badInput(`P-04: ${day} lies outside the batch’s cycle (P-02)`, { field: 'contractYearOn', rule: 'P-04' });

    // Serialises setters and reallocators of this row; a row inserted meanwhile is found by the retry below.
    const [existing] = await tx.query(
      `SELECT id, version FROM procurement.agreed_volume WHERE institution_id = $1 AND winning_product_id = $2 AND contract_year_start = $3 FOR UPDATE`,
      [institutionId, winningProductId, year.start],
    );
    let id: string;
    if (existing) {
      requireCurrentVersion(expected, existing.version);
      await updateVersioned(tx, 'procurement.agreed_volume', existing.id, existing.version, { quantity, updated_by: ctx.identity!.subject, updated_at: new Date() });
      id = existing.id;
    } else {
      if (expected !== undefined) throw errors.conflict('No agreed volume exists yet for this institution, winning product and contract year; omit expectedVersion to set one');
      const inserted = await tx.query(
        `INSERT INTO procurement.agreed_volume (id, institution_id, winning_product_id, region_code, pooling_region_code, contract_year_start, contract_year_end, quantity, agreed_on, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (institution_id, winning_product_id, contract_year_start) DO NOTHING RETURNING id`,
        [randomUUID(), institutionId, winningProductId, institution.regionCode, pooling, year.start, year.end, quantity, todayInChina(), ctx.identity!.subject],
      );
      if (inserted.length === 0) throw errors.conflict('Someone else set this agreed volume at the same moment; reload it and try again');
      id = inserted[0].id;
    }
    await recordAgreedVolumesSet(tx, [id]);
    ctx.log.info({ agreedVolumeId: id }, 'agreed volume set');
    const [volume] = await readAgreedVolumes(ctx, [id], tx);
    return volume;
  });
}
