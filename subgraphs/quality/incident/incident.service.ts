import { randomUUID } from 'node:crypto';
import { errors } from '../../shared/errors';
import { pageRequest, PageInput, toPage } from '../../shared/graphql/pagination';
import { decimalText, todayInChina } from '../../shared/graphql/scalars';
import { requireCurrentVersion } from '../../shared/db/versioned-update';
import { regionLikePattern } from '../../shared/region';
import { optionalCleanText, requireCleanText, requireId, requirePositiveAmount, requireRegionCode } from '../../shared/validation';
import type { QualityContext } from '../context';
import { requireJurisdiction, requireRegisteredEnterprise } from '../jurisdiction';
import { sqlParams } from '../sql';
import { Incident, INCIDENT_COLUMNS, IncidentLiability, IncidentState } from './incident.entity';
import type { IncidentFilter, OpenIncidentInput, RecordReplacementCostPaymentInput, ResolveIncidentInput } from './incident.input';
import { incidentScope } from './incident.scope';

/** opens a quality or supply failure of a winner, with substitute supplier and emergency plan if known. */
export async function openIncident(ctx: QualityContext, input: OpenIncidentInput): Promise<Incident> {
  const identity = ctx.identity!;
  const productId = requireId(input.productId, 'productId');
  const enterpriseId = requireId(input.enterpriseId, 'enterpriseId');
  const regionCode = requireRegionCode(input.regionCode);
  const description = requireCleanText(input.description, 'description', 2000);
  if (input.occurredOn > todayInChina()) throw errors.badInput('occurredOn must not be in the future', { field: 'occurredOn', rule: 'Q-02' });
  const substituteSupplierId = input.substituteSupplierId === undefined || input.substituteSupplierId === null ? null : requireId(input.substituteSupplierId, 'substituteSupplierId');
  if (substituteSupplierId === enterpriseId) throw errors.badInput('Q-02: the substitute supplier cannot be the failing enterprise', { field: 'substituteSupplierId', rule: 'Q-02' });
  const plan = optionalCleanText(input.emergencySupplyPlan, 'emergencySupplyPlan', 2000);
  requireJurisdiction(identity, regionCode);
  return ctx.db.transaction(async (tx) => {
    await requireRegisteredEnterprise(tx, enterpriseId, 'enterpriseId');
    if (substituteSupplierId) await requireRegisteredEnterprise(tx, substituteSupplierId, 'substituteSupplierId');
    const id = randomUUID();
    await tx.query(
      `INSERT INTO quality.incident (id, product_id, enterprise_id, region_code, kind, description, occurred_on, substitute_supplier_id, emergency_supply_plan, state, opened_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'OPEN', $10)`,
      [id, productId, enterpriseId, regionCode, input.kind, description, input.occurredOn, substituteSupplierId, plan, identity.subject],
    );
    ctx.log.info({ incidentId: id }, 'incident opened');
    const [incident] = await tx.query(`SELECT ${INCIDENT_COLUMNS} FROM quality.incident i WHERE i.id = $1`, [id]);
    return incident;
  });
}

/** Checks a resolution's liability and cost: the winner owes a positive cost; force majeure owes none. */
function validateResolution(input: ResolveIncidentInput) {
  const incidentId = requireId(input.incidentId, 'incidentId');
  const resolution = requireCleanText(input.resolution, 'resolution', 2000);
  const hasCost = input.replacementCost !== undefined && input.replacementCost !== null;
  const paidOn = input.replacementCostPaidOn ?? null;
  let cost = '0';
  if (input.liability === IncidentLiability.WINNER_LIABLE) {
    if (!hasCost) throw errors.badInput('Q-02: a winner held liable owes a replacement cost', { field: 'replacementCost', rule: 'Q-02' });
    const amount = requirePositiveAmount(input.replacementCost!, 'replacementCost');
    if (amount.decimalPlaces() > 2) throw errors.badInput('replacementCost has at most 2 decimal places (fen)', { field: 'replacementCost' });
    cost = decimalText(amount);
    if (paidOn && paidOn > todayInChina()) throw errors.badInput('replacementCostPaidOn must not be in the future', { field: 'replacementCostPaidOn' });
  } else if (hasCost || paidOn) {
    throw errors.badInput('Q-02: under force majeure no replacement cost is owed', { field: hasCost ? 'replacementCost' : 'replacementCostPaidOn', rule: 'Q-02' });
  }
  const substituteSupplierId = input.substituteSupplierId === undefined || input.substituteSupplierId === null ? null : requireId(input.substituteSupplierId, 'substituteSupplierId');
  return { incidentId, resolution, cost, paidOn, substituteSupplierId };
}

/**
 * resolves an open incident once. A second resolution is a CONFLICT; so is a stale expectedVersion.
 * The incident must be visible to the caller, and a regulator may only resolve in its jurisdiction.
 */
export async function resolveIncident(ctx: QualityContext, input: ResolveIncidentInput): Promise<Incident> {
  const identity = ctx.identity!;
  const { incidentId, resolution, cost, paidOn, substituteSupplierId } = validateResolution(input);
  if (!Number.isInteger(input.expectedVersion) || input.expectedVersion < 1) throw errors.badInput('expectedVersion must be a whole number from 1', { field: 'expectedVersion' });
  return ctx.db.transaction(async (tx) => {
    const { values, next } = sqlParams();
    const scope = incidentScope(identity, next);
    const [current] = await tx.query(`SELECT ${INCIDENT_COLUMNS} FROM quality.incident i WHERE i.id = ${next(incidentId)} AND ${scope} FOR UPDATE`, values);
    if (!current) throw errors.notFound('Incident', incidentId);
    requireJurisdiction(identity, current.regionCode);
    if (current.state === IncidentState.RESOLVED) throw errors.conflict(`Q-02: incident ${incidentId} is already resolved`, { rule: 'Q-02' });
    requireCurrentVersion(input.expectedVersion, current.version);
    if (substituteSupplierId) {
      if (substituteSupplierId === current.enterpriseId) throw errors.badInput('Q-02: the substitute supplier cannot be the failing enterprise', { field: 'substituteSupplierId', rule: 'Q-02' });
      await requireRegisteredEnterprise(tx, substituteSupplierId, 'substituteSupplierId');
    }
    const [, affected] = await tx.query(
      `UPDATE quality.incident SET state = 'RESOLVED', liability = $3, replacement_cost = $4, replacement_cost_paid_on = $5, resolution = $6,
              resolved_on = $7, resolved_by = $8, substitute_supplier_id = coalesce($9, substitute_supplier_id), version = version + 1
        WHERE id = $1 AND version = $2 AND state = 'OPEN'`,
      [incidentId, current.version, input.liability, cost, paidOn, resolution, todayInChina(), identity.subject, substituteSupplierId],
    );
    if (affected !== 1) throw errors.conflict('The incident was changed by someone else; reload it and try again');
    ctx.log.info({ incidentId }, 'incident resolved');
    const [incident] = await tx.query(`SELECT ${INCIDENT_COLUMNS} FROM quality.incident i WHERE i.id = $1`, [incidentId]);
    return incident;
  });
}

/** Incidents within the caller's scope, filtered, by id. */
export async function listIncidents(ctx: QualityContext, filter: IncidentFilter | undefined, page: PageInput | undefined) {
  const request = pageRequest(page);
  const { values, next } = sqlParams();
  const where = [incidentScope(ctx.identity!, next)];
  if (filter?.state !== undefined && filter.state !== null) where.push(`i.state = ${next(filter.state)}`);
  if (filter?.kind !== undefined && filter.kind !== null) where.push(`i.kind = ${next(filter.kind)}`);
  if (filter?.enterpriseId !== undefined && filter.enterpriseId !== null) where.push(`i.enterprise_id = ${next(requireId(filter.enterpriseId, 'enterpriseId'))}`);
  if (filter?.regionCode !== undefined && filter.regionCode !== null) where.push(`i.region_code LIKE ${next(regionLikePattern(requireRegionCode(filter.regionCode)))}`);
  if (request.afterKey) where.push(`i.id > ${next(requireId(request.afterKey, 'after'))}`);
  const rows: Incident[] = await ctx.db.query(
    `SELECT ${INCIDENT_COLUMNS} FROM quality.incident i WHERE ${where.join(' AND ')} ORDER BY i.id LIMIT ${next(request.limit + 1)}`,
    values,
  );
  return toPage(rows, request, (i) => i.id);
}

/**
 * the winner paid the replacement cost after the resolution. Only an unpaid cost of a winner held
 * liable can be paid, once; a ban already declared over it stays until lifted (liftBan), a separate decision.
 */
export async function recordReplacementCostPayment(ctx: QualityContext, input: RecordReplacementCostPaymentInput): Promise<Incident> {
  const identity = ctx.identity!;
  const incidentId = requireId(input.incidentId, 'incidentId');
  if (!Number.isInteger(input.expectedVersion) || input.expectedVersion < 1) throw errors.badInput('expectedVersion must be a whole number from 1', { field: 'expectedVersion' });
  if (input.paidOn > todayInChina()) throw errors.badInput('paidOn must not be in the future', { field: 'paidOn', rule: 'Q-02' });
  return ctx.db.transaction(async (tx) => {
    const { values, next } = sqlParams();
    const [current] = await tx.query(`SELECT ${INCIDENT_COLUMNS} FROM quality.incident i WHERE i.id = ${next(incidentId)} AND ${incidentScope(identity, next)} FOR UPDATE`, values);
    if (!current) throw errors.notFound('Incident', incidentId);
    requireJurisdiction(identity, current.regionCode);
    if (current.state !== IncidentState.RESOLVED || current.liability !== IncidentLiability.WINNER_LIABLE) {
      throw errors.badInput('Q-02: only a resolved incident with the winner held liable has a replacement cost to pay', { field: 'incidentId', rule: 'Q-02' });
    }
    if (current.replacementCostPaidOn) throw errors.conflict(`Q-02: the replacement cost of incident ${incidentId} was already paid on ${current.replacementCostPaidOn}`, { rule: 'Q-02' });
    requireCurrentVersion(input.expectedVersion, current.version);
    await tx.query('UPDATE quality.incident SET replacement_cost_paid_on = $2, version = version + 1 WHERE id = $1', [incidentId, input.paidOn]);
    ctx.log.info({ incidentId }, 'replacement cost paid');
    const [incident] = await tx.query(`SELECT ${INCIDENT_COLUMNS} FROM quality.incident i WHERE i.id = $1`, [incidentId]);
    return incident;
  });
}
