import { randomUUID } from 'node:crypto';
import { Department, Role } from '../../shared/auth/identity';
import { errors } from '../../shared/errors';
import { pageRequest, PageInput, toPage } from '../../shared/graphql/pagination';
import { todayInChina } from '../../shared/graphql/scalars';
import { regionLikePattern, regionWithin } from '../../shared/region';
import { requireId, requireQuantity } from '../../shared/validation';
import type { ProcurementContext } from '../context';
import { institutionsActedForBy } from '../medical-community/community.scope';
import { visibleInstitutions } from '../institution/institution.scope';
import { AgreedVolumeReallocation } from './agreed-volume.entity';
import { recordAgreedVolumesSet } from './agreed-volume.events';
import type { ReallocateAgreedVolumeInput, ReallocationFilter } from './agreed-volume.input';

interface ReallocationRow {
  id: string;
  medical_community_id: string;
  winning_product_id: string;
  contract_year_start: string;
  from_institution_id: string;
  to_institution_id: string;
  quantity: string;
  reallocated_by: string;
  reallocated_at: Date;
}

const REALLOCATION_COLUMNS = `r.id, r.medical_community_id, r.winning_product_id, r.contract_year_start::text AS contract_year_start,
  r.from_institution_id, r.to_institution_id, r.quantity, r.reallocated_by, r.reallocated_at`;

function reallocationFromRow(row: ReallocationRow): AgreedVolumeReallocation {
  return Object.assign(new AgreedVolumeReallocation(), {
    id: row.id,
    medicalCommunityId: row.medical_community_id,
    winningProductId: row.winning_product_id,
    contractYearStart: row.contract_year_start,
    fromInstitutionId: row.from_institution_id,
    toInstitutionId: row.to_institution_id,
    quantity: Number(row.quantity),
    reallocatedBy: row.reallocated_by,
    reallocatedAt: row.reallocated_at,
  });
}

/**
 * P-06 (Guichi plan): the lead unit of a county medical community, or the medical insurance bureau of
 * its region, moves agreed volume of one winning product and contract year from one member to another
 * so that the community as a whole completes. Both rows are locked (in id order, so concurrent moves
 * cannot deadlock) and the community total is checked unchanged before commit; any refusal writes nothing.
 */
export async function reallocateAgreedVolume(ctx: ProcurementContext, input: ReallocateAgreedVolumeInput): Promise<AgreedVolumeReallocation> {
  const winningProductId = requireId(input.winningProductId, 'winningProductId');
  const fromId = requireId(input.fromInstitutionId, 'fromInstitutionId');
  const toId = requireId(input.toInstitutionId, 'toInstitutionId');
  const quantity = requireQuantity(input.quantity, 'quantity');
  const day = input.contractYearOn ?? todayInChina();
  if (fromId === toId) throw errors.badInput('P-06: volume moves between two different member units', { field: 'toInstitutionId', rule: 'P-06' });
  const identity = ctx.identity!;
  const isRegulator = identity.role === Role.REGULATOR && identity.department === Department.MEDICAL_INSURANCE;
  if (!isRegulator && identity.role !== Role.INSTITUTION) throw errors.forbidden();

  return ctx.db.transaction(async (tx) => {
    if (!isRegulator) {
      const led = await tx.query(`SELECT 1 FROM procurement.medical_community WHERE lead_institution_id = $1`, [identity.org]);
      if (led.length === 0) throw errors.forbidden('P-06: only a medical community’s lead unit or the medical insurance bureau of its region reallocates agreed volume');
    }
    const visible = await visibleInstitutions(tx, identity, [fromId, toId]);
    const [from, to] = [visible.get(fromId), visible.get(toId)];
    if (!from) throw errors.notFound('Institution', fromId);
    if (!to) throw errors.notFound('Institution', toId);
    if (!from.medicalCommunityId || from.medicalCommunityId !== to.medicalCommunityId) {
      throw errors.badInput('P-06: agreed volume moves only between member units of one medical community', { field: 'toInstitutionId', rule: 'P-06' });
    }
    const [community] = await tx.query(`SELECT id, region_code, lead_institution_id FROM procurement.medical_community WHERE id = $1 FOR SHARE`, [from.medicalCommunityId]);
    const mayMove = isRegulator ? regionWithin(community.region_code, identity.region!) : community.lead_institution_id === identity.org;
    if (!mayMove) throw errors.forbidden('P-06: only the medical community’s lead unit or the medical insurance bureau of its region reallocates its agreed volume');

    const [giving] = await tx.query(
      `SELECT av.contract_year_start::text AS start, av.contract_year_end::text AS "end", av.region_code, av.pooling_region_code
         FROM procurement.agreed_volume av WHERE av.institution_id = $1 AND av.winning_product_id = $2 AND $3::date BETWEEN av.contract_year_start AND av.contract_year_end`,
      [fromId, winningProductId, day],
    );
    if (!giving) throw errors.badInput('P-06: the giving member has no agreed volume of this winning product in that contract year', { field: 'fromInstitutionId', rule: 'P-06' });
    // The taking member may have had no volume of its own; it gets one of zero to receive into.
    await tx.query(
      `INSERT INTO procurement.agreed_volume (id, institution_id, winning_product_id, region_code, pooling_region_code, contract_year_start, contract_year_end, quantity, agreed_on, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8, $9) ON CONFLICT (institution_id, winning_product_id, contract_year_start) DO NOTHING`,
      [randomUUID(), toId, winningProductId, to.regionCode, giving.pooling_region_code, giving.start, giving.end, todayInChina(), identity.subject],
    );
    const members = `SELECT m.id FROM procurement.institution m WHERE m.medical_community_id = $3`;
    const totalOf = async () =>
      (await tx.query(`SELECT coalesce(sum(quantity), 0)::text AS total FROM procurement.agreed_volume WHERE winning_product_id = $1 AND contract_year_start = $2 AND institution_id IN (${members})`, [
        winningProductId,
        giving.start,
        community.id,
      ]))[0].total as string;
    const rows: Array<{ id: string; institution_id: string; quantity: string }> = await tx.query(
      `SELECT id, institution_id, quantity FROM procurement.agreed_volume
        WHERE winning_product_id = $1 AND contract_year_start = $2 AND institution_id = ANY($3) ORDER BY id FOR UPDATE`,
      [winningProductId, giving.start, [fromId, toId]],
    );
    const before = await totalOf();
    const givingRow = rows.find((r) => r.institution_id === fromId)!;
    const takingRow = rows.find((r) => r.institution_id === toId)!;
    if (BigInt(givingRow.quantity) < BigInt(quantity)) {
      throw errors.badInput(`P-06: the giving member has ${givingRow.quantity} agreed; moving ${quantity} would leave a negative volume`, { field: 'quantity', rule: 'P-06' });
    }
    const move = `UPDATE procurement.agreed_volume SET quantity = quantity + $2, version = version + 1, updated_by = $3, updated_at = now() WHERE id = $1`;
    await tx.query(move, [givingRow.id, -quantity, identity.subject]);
    await tx.query(move, [takingRow.id, quantity, identity.subject]);
    if ((await totalOf()) !== before) throw errors.badInput('P-06: a reallocation may not change the medical community’s total', { rule: 'P-06' });

    const [row]: ReallocationRow[] = await tx.query(
      `INSERT INTO procurement.agreed_volume_reallocation AS r (id, medical_community_id, winning_product_id, contract_year_start, from_institution_id, to_institution_id, quantity, region_code, reallocated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${REALLOCATION_COLUMNS}`,
      [randomUUID(), community.id, winningProductId, giving.start, fromId, toId, quantity, community.region_code, identity.subject],
    );
    await recordAgreedVolumesSet(tx, [givingRow.id, takingRow.id]);
    ctx.log.info({ reallocationId: row.id, medicalCommunityId: community.id }, 'agreed volume reallocated');
    return reallocationFromRow(row);
  });
}

/**
 * The reallocation history within the caller's scope: regulators their region subtree; an institution
 * the moves from or to itself, a lead unit those of its members.
 */
export async function listReallocations(ctx: ProcurementContext, filter: ReallocationFilter | undefined, page: PageInput | undefined) {
  const request = pageRequest(page);
  const identity = ctx.identity!;
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (clause: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (identity.role === Role.REGULATOR) add((p) => `r.region_code LIKE ${p}`, regionLikePattern(identity.region!));
  else if (identity.role === Role.INSTITUTION) {
    add((p) => `(r.from_institution_id IN (${institutionsActedForBy(`${p}::uuid`)}) OR r.to_institution_id IN (${institutionsActedForBy(`${p}::uuid`)}))`, identity.org);
  } else where.push('false');
  if (filter?.medicalCommunityId != null) add((p) => `r.medical_community_id = ${p}`, requireId(filter.medicalCommunityId, 'medicalCommunityId'));
  if (filter?.winningProductId != null) add((p) => `r.winning_product_id = ${p}`, requireId(filter.winningProductId, 'winningProductId'));
  if (request.afterKey) add((p) => `r.id > ${p}`, requireId(request.afterKey, 'after'));
  params.push(request.limit + 1);
  const rows: ReallocationRow[] = await ctx.db.query(
    `SELECT ${REALLOCATION_COLUMNS} FROM procurement.agreed_volume_reallocation r WHERE ${where.join(' AND ')} ORDER BY r.id LIMIT $${params.length}`,
    params,
  );
  return toPage(rows.map(reallocationFromRow), request, (r) => r.id);
}
