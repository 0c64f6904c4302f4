import { randomUUID } from 'node:crypto';
import { Role } from '../../shared/auth/identity';
import { errors } from '../../shared/errors';
import { pageRequest, PageInput, toPage } from '../../shared/graphql/pagination';
import { parseIsoDate, todayInChina } from '../../shared/graphql/scalars';
import { requireCleanText, requireId, requireRegionCode } from '../../shared/validation';
import type { QualityContext } from '../context';
import { requireJurisdiction, requireRegisteredEnterprise } from '../jurisdiction';
import { CREDIT_COLUMNS, CreditRating, CreditRecord } from './credit.entity';
import { countsUntil, rate, RATING_RULE } from './credit-rating';
import type { RecordCreditEventInput } from './credit.input';

function withCountsUntil(record: CreditRecord): CreditRecord {
  return { ...record, countsUntil: countsUntil(record.decidedOn, record.severity) };
}

/**
 * Credit records are about an enterprise, not a region: every regulator sees them (a rating must read
 * the same everywhere); an enterprise sees its own. Anyone else's id answers exactly like an unknown one.
 */
async function requireVisibleEnterprise(ctx: QualityContext, enterpriseId: string): Promise<void> {
  const identity = ctx.identity!;
  const own = identity.role === Role.REGULATOR || identity.org === enterpriseId;
  const [known] = own ? await ctx.db.query('SELECT 1 FROM quality.enterprise WHERE id = $1', [enterpriseId]) : [];
  if (!known) throw errors.notFound('Enterprise', enterpriseId);
}

/** records a court judgement, administrative penalty or dishonesty finding. */
export async function recordCreditEvent(ctx: QualityContext, input: RecordCreditEventInput): Promise<CreditRecord> {
  const identity = ctx.identity!;
  const enterpriseId = requireId(input.enterpriseId, 'enterpriseId');
  const sourceDocument = requireCleanText(input.sourceDocument, 'sourceDocument', 300);
  const summary = requireCleanText(input.summary, 'summary', 1000);
  const regionCode = requireRegionCode(input.regionCode);
  if (input.decidedOn > todayInChina()) throw errors.badInput('decidedOn must not be in the future', { field: 'decidedOn', rule: 'Q-04' });
  requireJurisdiction(identity, regionCode);
  return ctx.db.transaction(async (tx) => {
    await requireRegisteredEnterprise(tx, enterpriseId, 'enterpriseId');
    const id = randomUUID();
    await tx.query(
      `INSERT INTO quality.credit_record (id, enterprise_id, kind, severity, decided_on, source_document, summary, region_code, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [id, enterpriseId, input.kind, input.severity, input.decidedOn, sourceDocument, summary, regionCode, identity.subject],
    );
    ctx.log.info({ creditRecordId: id, enterpriseId }, 'credit record added');
    const [record] = await tx.query(`SELECT ${CREDIT_COLUMNS} FROM quality.credit_record c WHERE c.id = $1`, [id]);
    return withCountsUntil(record);
  });
}

/** An enterprise's bad records, newest decision first (keyset on date and id). */
export async function listCreditRecords(ctx: QualityContext, enterpriseIdArg: string, page: PageInput | undefined) {
  const enterpriseId = requireId(enterpriseIdArg, 'enterpriseId');
  const request = pageRequest(page);
  await requireVisibleEnterprise(ctx, enterpriseId);
  const params: unknown[] = [enterpriseId, request.limit + 1];
  let after = '';
  if (request.afterKey) {
    const [date, id] = request.afterKey.split('|');
    params.push(parseIsoDate(date), requireId(id ?? '', 'after'));
    after = 'AND (c.decided_on, c.id) < ($3::date, $4::uuid)';
  }
  const rows: CreditRecord[] = await ctx.db.query(
    `SELECT ${CREDIT_COLUMNS} FROM quality.credit_record c WHERE c.enterprise_id = $1 ${after} ORDER BY c.decided_on DESC, c.id DESC LIMIT $2`,
    params,
  );
  return toPage(rows.map(withCountsUntil), request, (r) => `${r.decidedOn}|${r.id}`);
}

/** the rating on a date from every record of the enterprise (see credit-rating.ts for the rule). */
export async function creditRating(ctx: QualityContext, enterpriseIdArg: string, on: string | undefined): Promise<CreditRating> {
  const enterpriseId = requireId(enterpriseIdArg, 'enterpriseId');
  const day = on === undefined || on === null ? todayInChina() : parseIsoDate(on);
  await requireVisibleEnterprise(ctx, enterpriseId);
  const records = await ctx.db.query(`SELECT severity, decided_on::text AS "decidedOn" FROM quality.credit_record WHERE enterprise_id = $1`, [enterpriseId]);
  const { grade, counting } = rate(records, day);
  return { enterpriseId, on: day, grade, countingRecords: counting, rule: RATING_RULE };
}
