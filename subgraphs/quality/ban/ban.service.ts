import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { errors } from '../../shared/errors';
import type { EnterpriseBannedV1 } from '../../shared/events/contracts';
import { recordEvent } from '../../shared/events/outbox';
import { pageRequest, PageInput, toPage } from '../../shared/graphql/pagination';
import { parseIsoDate, todayInChina } from '../../shared/graphql/scalars';
import { requireCurrentVersion } from '../../shared/db/versioned-update';
import { fetchPolicyVersions, inherit } from '../../shared/policy/jurisdiction-policy';
import { regionChain, regionLikePattern } from '../../shared/region';
import { requireCleanText, requireId, requireRegionCode } from '../../shared/validation';
import type { QualityContext } from '../context';
import { IncidentLiability, IncidentState, INCIDENT_COLUMNS } from '../incident/incident.entity';
import { incidentScope } from '../incident/incident.scope';
import { requireJurisdiction, requireReadableRegion, requireRegisteredEnterprise } from '../jurisdiction';
import { sqlParams } from '../sql';
import { BAN_COLUMNS, EnterpriseBan } from './ban.entity';
import type { DeclareDishonestInput, LiftBanInput } from './ban.input';
import { banInForceOn, banScope } from './ban.scope';

/** The day before the same date `years` later: the last day of a ban that starts on `start`. */
export function lastDayAfterYears(start: string, years: number): string {
  const [y, m, d] = start.split('-').map(Number);
  return new Date(Date.UTC(y + years, m - 1, d) - 86_400_000).toISOString().slice(0, 10);
}

async function emitBan(tx: EntityManager, ban: EnterpriseBan): Promise<void> {
  await recordEvent<EnterpriseBannedV1>(tx, 'quality', {
    type: 'EnterpriseBanned',
    version: 1,
    key: `${ban.enterpriseId}:${ban.regionCode}`,
    payload: { banId: ban.id, enterpriseId: ban.enterpriseId, regionCode: ban.regionCode, startsOn: ban.startsOn, endsOn: ban.endsOn, reason: ban.reason, liftedOn: ban.liftedOn },
  });
}

/**
 * Q-03 with G-08: a winner held liable for an incident that has not paid the replacement cost is
 * dishonest. The ban covers all its products in every public institution of the incident's region, for
 * the years the G-08 policy in force there sets; a region with no such policy cannot ban (BAD_USER_INPUT).
 * The ban, its DISHONESTY credit record and the EnterpriseBanned event commit together.
 */
export async function declareDishonest(ctx: QualityContext, input: DeclareDishonestInput): Promise<EnterpriseBan> {
  const identity = ctx.identity!;
  const enterpriseId = requireId(input.enterpriseId, 'enterpriseId');
  const incidentId = requireId(input.incidentId, 'incidentId');
  const reason = requireCleanText(input.reason, 'reason', 500);
  const today = todayInChina();
  return ctx.db.transaction(async (tx) => {
    await requireRegisteredEnterprise(tx, enterpriseId, 'enterpriseId');
    const { values, next } = sqlParams();
    const [incident] = await tx.query(
      `SELECT ${INCIDENT_COLUMNS} FROM quality.incident i WHERE i.id = ${next(incidentId)} AND ${incidentScope(identity, next)} FOR UPDATE`,
      values,
    );
    if (!incident) throw errors.notFound('Incident', incidentId);
    requireJurisdiction(identity, incident.regionCode);
    if (incident.enterpriseId !== enterpriseId) throw errors.badInput('Q-03: the enterprise is not the failing winner of this incident', { field: 'enterpriseId', rule: 'Q-03' });
    if (incident.state !== IncidentState.RESOLVED || incident.liability !== IncidentLiability.WINNER_LIABLE) {
      throw errors.badInput('Q-03: only a resolved incident with the winner held liable can make it dishonest (none is owed under force majeure)', { field: 'incidentId', rule: 'Q-03' });
    }
    if (incident.replacementCostPaidOn) throw errors.badInput('Q-03: the replacement cost of this incident was paid', { field: 'incidentId', rule: 'Q-03' });
    const [existing] = await tx.query('SELECT id FROM quality.enterprise_ban WHERE incident_id = $1', [incidentId]);
    if (existing) throw errors.conflict(`Q-03: incident ${incidentId} already led to ban ${existing.id}`, { rule: 'Q-03' });
    const [versions] = await fetchPolicyVersions(tx, 'quality.jurisdiction_policy', [{ regionCode: incident.regionCode, date: today }]);
    const policy = inherit(versions, 'dishonesty_ban_years');
    if (!policy) throw errors.badInput(`G-08: no dishonesty-ban policy is in force for region ${incident.regionCode}`, { field: 'incidentId', rule: 'G-08' });
    const ban: EnterpriseBan = {
      id: randomUUID(),
      enterpriseId,
      regionCode: incident.regionCode,
      startsOn: today,
      endsOn: lastDayAfterYears(today, Number(policy.row.dishonesty_ban_years)),
      reason,
      scope: String(policy.row.dishonesty_ban_scope ?? 'All of the enterprise’s products'),
      policyDocument: policy.source.document,
      incidentId,
      liftedOn: null,
      liftReason: null,
      version: 1,
    };
    await tx.query(
      `INSERT INTO quality.enterprise_ban (id, enterprise_id, region_code, incident_id, reason, scope, policy_document, starts_on, ends_on, declared_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [ban.id, enterpriseId, ban.regionCode, incidentId, reason, ban.scope, ban.policyDocument, ban.startsOn, ban.endsOn, identity.subject],
    );
    await tx.query(
      `INSERT INTO quality.credit_record (id, enterprise_id, kind, severity, decided_on, source_document, summary, region_code, ban_id, recorded_by)
       VALUES ($1, $2, 'DISHONESTY', 'SERIOUS', $3, $4, $5, $6, $7, $8)`,
      [randomUUID(), enterpriseId, today, `Dishonesty ban ${ban.id} under ${ban.policyDocument}`, reason, ban.regionCode, ban.id, identity.subject],
    );
    await emitBan(tx, ban);
    ctx.log.info({ banId: ban.id, enterpriseId }, 'enterprise banned');
    return ban;
  });
}

/** Lifts a ban early, once; the EnterpriseBanned event is sent again with liftedOn set. */
export async function liftBan(ctx: QualityContext, input: LiftBanInput): Promise<EnterpriseBan> {
  const identity = ctx.identity!;
  const banId = requireId(input.banId, 'banId');
  const reason = requireCleanText(input.reason, 'reason', 500);
  if (!Number.isInteger(input.expectedVersion) || input.expectedVersion < 1) throw errors.badInput('expectedVersion must be a whole number from 1', { field: 'expectedVersion' });
  const today = todayInChina();
  return ctx.db.transaction(async (tx) => {
    const { values, next } = sqlParams();
    const [current] = await tx.query(`SELECT ${BAN_COLUMNS} FROM quality.enterprise_ban b WHERE b.id = ${next(banId)} AND ${banScope(identity, next)} FOR UPDATE`, values);
    if (!current) throw errors.notFound('EnterpriseBan', banId);
    requireJurisdiction(identity, current.regionCode);
    if (current.liftedOn) throw errors.conflict(`Ban ${banId} was already lifted on ${current.liftedOn}`, { rule: 'Q-03' });
    if (current.endsOn < today) throw errors.conflict(`Ban ${banId} already ended on ${current.endsOn}`, { rule: 'Q-03' });
    requireCurrentVersion(input.expectedVersion, current.version);
    const liftedOn = today < current.startsOn ? current.startsOn : today;
    await tx.query(`UPDATE quality.enterprise_ban SET lifted_on = $2, lift_reason = $3, lifted_by = $4, version = version + 1 WHERE id = $1`, [banId, liftedOn, reason, identity.subject]);
    const ban: EnterpriseBan = { ...current, liftedOn, liftReason: reason, version: current.version + 1 };
    await emitBan(tx, ban);
    ctx.log.info({ banId }, 'ban lifted');
    return ban;
  });
}

/**
 * G-08 bans in force on `on` that bind `regionCode` (declared there or above it) or part of it (declared
 * below it), within the caller's scope.
 */
export async function listBans(ctx: QualityContext, regionCode: string, on: string | undefined, page: PageInput | undefined) {
  const identity = ctx.identity!;
  const region = requireRegionCode(regionCode);
  const day = on === undefined || on === null ? todayInChina() : parseIsoDate(on);
  const request = pageRequest(page);
  requireReadableRegion(identity, region, true);
  const { values, next } = sqlParams();
  const where = [
    banScope(identity, next),
    `(b.region_code = ANY(${next(regionChain(region))}) OR b.region_code LIKE ${next(regionLikePattern(region))})`,
    banInForceOn(day, next),
  ];
  if (request.afterKey) where.push(`b.id > ${next(requireId(request.afterKey, 'after'))}`);
  const rows: EnterpriseBan[] = await ctx.db.query(`SELECT ${BAN_COLUMNS} FROM quality.enterprise_ban b WHERE ${where.join(' AND ')} ORDER BY b.id LIMIT ${next(request.limit + 1)}`, values);
  return toPage(rows, request, (b) => b.id);
}
