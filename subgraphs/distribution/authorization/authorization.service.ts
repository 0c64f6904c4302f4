import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Role } from '../../shared/auth/identity';
import { requireCurrentVersion, updateVersioned } from '../../shared/db/versioned-update';
import { errors } from '../../shared/errors';
import { pageRequest, PageInput, toPage } from '../../shared/graphql/pagination';
import { todayInChina } from '../../shared/graphql/scalars';
import { fetchPolicyVersions, inherit } from '../../shared/policy/jurisdiction-policy';
import { regionLikePattern, regionWithin } from '../../shared/region';
import { requireId, requireRegionCode } from '../../shared/validation';
import type { DistributionContext } from '../context';
import { AuthorizationStatus, DistributorAuthorization, UncoveredInstitution } from './authorization.entity';
import type { AuthorizeDistributorInput, DistributorAuthorizationFilter, RevokeDistributorAuthorizationInput } from './authorization.input';
import { scopeAuthorizations } from './authorization.scope';

const MAX_COVERAGE = 100;

interface WinningProductRow {
  id: string;
  product_id: string;
  manufacturer_id: string;
  kind: 'DRUG' | 'CONSUMABLE';
  region_codes: string[];
}

/** The winning product if the caller may act on it; another manufacturer's answers exactly like a missing one. */
async function ownWinningProduct(db: Pick<EntityManager, 'query'>, winningProductId: string, manufacturerId: string): Promise<WinningProductRow> {
  const [row] = await db.query(`SELECT id, product_id, manufacturer_id, kind, region_codes FROM distribution.winning_product_copy WHERE id = $1`, [winningProductId]);
  if (!row || row.manufacturer_id !== manufacturerId) throw errors.notFound('WinningProduct', winningProductId);
  return row;
}

function validateAuthorization(input: AuthorizeDistributorInput) {
  const winningProductId = requireId(input.winningProductId, 'winningProductId');
  const distributorId = requireId(input.distributorId, 'distributorId');
  const poolingRegionCode = requireRegionCode(input.poolingRegionCode, 'poolingRegionCode');
  let coverage = [poolingRegionCode];
  if (input.coverageRegionCodes !== undefined && input.coverageRegionCodes !== null) {
    if (!Array.isArray(input.coverageRegionCodes) || input.coverageRegionCodes.length < 1 || input.coverageRegionCodes.length > MAX_COVERAGE) {
      throw errors.badInput(`coverageRegionCodes lists 1 to ${MAX_COVERAGE} regions`, { field: 'coverageRegionCodes' });
    }
    coverage = [...new Set(input.coverageRegionCodes.map((c, i) => requireRegionCode(c, `coverageRegionCodes[${i}]`)))];
    const outside = coverage.find((c) => !regionWithin(c, poolingRegionCode));
    if (outside) throw errors.badInput(`D-02: area ${outside} lies outside pooling region ${poolingRegionCode}`, { field: 'coverageRegionCodes', rule: 'D-02' });
  }
  return { winningProductId, distributorId, poolingRegionCode, coverage };
}

/** Two regions overlap when one lies within the other. */
const overlaps = (a: string, b: string) => regionWithin(a, b) || regionWithin(b, a);

/**
 * D-02 with G-07 and G-08: only the manufacturer of a winning product chooses its distributors. A banned
 * manufacturer cannot authorise anew where its ban applies; the per-region cap of its policy is counted under
 * an advisory lock per product and pooling region, so two concurrent authorisations never both take the last place.
 */
export async function authorizeDistributor(ctx: DistributionContext, input: AuthorizeDistributorInput): Promise<DistributorAuthorization> {
  const { winningProductId, distributorId, poolingRegionCode, coverage } = validateAuthorization(input);
  const manufacturerId = ctx.identity!.org!;
  const today = todayInChina();
  return ctx.db.transaction(async (tx) => {
    const winner = await ownWinningProduct(tx, winningProductId, manufacturerId);
    if (!winner.region_codes.some((r) => regionWithin(poolingRegionCode, r))) {
      throw errors.badInput(`D-02: pooling region ${poolingRegionCode} is not covered by the product's batch (${winner.region_codes.join(', ')})`, {
        field: 'poolingRegionCode',
        rule: 'D-02',
      });
    }
    const [distributor] = await tx.query(`SELECT is_distributor, status FROM distribution.enterprise WHERE id = $1`, [distributorId]);
    if (!distributor || !distributor.is_distributor || distributor.status !== 'ACTIVE') {
      throw errors.badInput(`D-02: ${distributorId} is not an active registered distributor`, { field: 'distributorId', rule: 'D-02' });
    }
    const bans: Array<{ region_code: string; ends_on: string }> = await tx.query(
      `SELECT region_code, ends_on::text FROM distribution.enterprise_ban_copy
        WHERE enterprise_id = $1 AND lifted_on IS NULL AND starts_on <= $2::date AND ends_on >= $2::date`,
      [manufacturerId, today],
    );
    const ban = bans.find((b) => overlaps(b.region_code, poolingRegionCode));
    if (ban) throw errors.forbidden(`G-08/Q-03: the manufacturer is banned in ${ban.region_code} until ${ban.ends_on}; no new authorisation there`);

    // G-07: one writer at a time per product and pooling region, so the count below stays true until commit.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`authorize:${winningProductId}:${poolingRegionCode}`]);
    const active: Array<{ distributor_id: string }> = await tx.query(
      `SELECT distributor_id FROM distribution.distributor_authorization WHERE winning_product_id = $1 AND pooling_region_code = $2 AND status = 'ACTIVE'`,
      [winningProductId, poolingRegionCode],
    );
    if (active.some((a) => a.distributor_id === distributorId)) {
      throw errors.conflict(`D-02: distributor ${distributorId} is already authorised for this product in ${poolingRegionCode}`, { rule: 'D-02' });
    }
    const [versions] = await fetchPolicyVersions(tx, 'distribution.jurisdiction_policy', [{ regionCode: poolingRegionCode, date: today }]);
    const capColumn = winner.kind === 'DRUG' ? 'distributor_cap_drugs' : 'distributor_cap_consumables';
    const cap = inherit(versions, capColumn);
    if (cap && active.length >= Number(cap.row[capColumn])) {
      throw errors.conflict(
        `G-07: ${poolingRegionCode} allows at most ${cap.row[capColumn]} distributors per winning ${winner.kind === 'DRUG' ? 'drug' : 'consumable'} (${cap.source.document}); revoke one first`,
        { rule: 'G-07' },
      );
    }
    const authorization = tx.getRepository(DistributorAuthorization).create({
      id: randomUUID(),
      winningProductId,
      productId: winner.product_id,
      manufacturerId,
      distributorId,
      kind: winner.kind,
      poolingRegionCode,
      coverageRegionCodes: coverage,
      status: AuthorizationStatus.ACTIVE,
      authorizedAt: new Date(),
      revokedAt: null,
      version: 1,
    });
    await tx.getRepository(DistributorAuthorization).insert(authorization);
    ctx.log.info({ authorizationId: authorization.id, winningProductId, poolingRegionCode }, 'distributor authorised');
    return authorization;
  });
}

/** D-02: the manufacturer withdraws its own authorisation; anyone else's answers NOT_FOUND. */
export async function revokeDistributorAuthorization(ctx: DistributionContext, input: RevokeDistributorAuthorizationInput): Promise<DistributorAuthorization> {
  const id = requireId(input.authorizationId, 'authorizationId');
  const manufacturerId = ctx.identity!.org!;
  return ctx.db.transaction(async (tx) => {
    const authorization = await tx.getRepository(DistributorAuthorization).createQueryBuilder('a').setLock('pessimistic_write').where('a.id = :id', { id }).getOne();
    if (!authorization || authorization.manufacturerId !== manufacturerId) throw errors.notFound('DistributorAuthorization', id);
    requireCurrentVersion(input.expectedVersion, authorization.version);
    if (authorization.status === AuthorizationStatus.REVOKED) throw errors.conflict(`Authorisation ${id} was already revoked`);
    const revokedAt = new Date();
    const version = await updateVersioned(tx, 'distribution.distributor_authorization', id, authorization.version, { status: AuthorizationStatus.REVOKED, revoked_at: revokedAt });
    Object.assign(authorization, { status: AuthorizationStatus.REVOKED, revokedAt, version });
    ctx.log.info({ authorizationId: id }, 'distributor authorisation revoked');
    return authorization;
  });
}

/** Authorisations within the caller's scope. */
export async function listDistributorAuthorizations(ctx: DistributionContext, filter: DistributorAuthorizationFilter | undefined, page: PageInput | undefined) {
  const request = pageRequest(page);
  const qb = ctx.db.getRepository(DistributorAuthorization).createQueryBuilder('a').orderBy('a.id').limit(request.limit + 1);
  scopeAuthorizations(qb, 'a', ctx.identity!);
  if (filter?.winningProductId != null) qb.andWhere('a.winning_product_id = :wp', { wp: requireId(filter.winningProductId, 'winningProductId') });
  if (filter?.distributorId != null) qb.andWhere('a.distributor_id = :dist', { dist: requireId(filter.distributorId, 'distributorId') });
  if (filter?.regionCode != null) qb.andWhere('a.pooling_region_code LIKE :fr', { fr: regionLikePattern(requireRegionCode(filter.regionCode)) });
  if (filter?.status != null) qb.andWhere('a.status = :status', { status: filter.status });
  if (request.afterKey) qb.andWhere('a.id > :after', { after: requireId(request.afterKey, 'after') });
  return toPage(await qb.getMany(), request, (a) => a.id);
}

/**
 * D-02 (Shanxi: 配送范围须覆盖所有参加带量采购的医疗机构): the participating institutions of a winning product in
 * `regionCode` that no active authorisation's area covers. The manufacturer asks about its own products,
 * regulators see the institutions of their region.
 */
export async function uncoveredInstitutions(ctx: DistributionContext, winningProductIdArg: string, regionCodeArg: string, page: PageInput | undefined) {
  const winningProductId = requireId(winningProductIdArg, 'winningProductId');
  const regionCode = requireRegionCode(regionCodeArg);
  const request = pageRequest(page);
  const identity = ctx.identity!;
  if (identity.role === Role.MANUFACTURER) await ownWinningProduct(ctx.db, winningProductId, identity.org!);
  const scopePattern = identity.role === Role.REGULATOR ? regionLikePattern(identity.region!) : '%';
  const rows: Array<{ institution_id: string; institution_name: string; institution_region_code: string; pooling_region_code: string; quantity: string }> = await ctx.db.query(
    `SELECT DISTINCT ON (v.institution_id) v.institution_id, v.institution_name, v.institution_region_code, v.pooling_region_code, v.quantity
       FROM distribution.agreed_volume_copy v
      WHERE v.winning_product_id = $1
        AND v.institution_region_code LIKE $2 AND v.institution_region_code LIKE $3
        AND ($4::uuid IS NULL OR v.institution_id > $4::uuid)
        AND NOT EXISTS (
          SELECT 1 FROM distribution.distributor_authorization a, unnest(a.coverage_region_codes) c
           WHERE a.winning_product_id = v.winning_product_id AND a.status = 'ACTIVE'
             AND v.institution_region_code LIKE distribution.region_prefix(c) || '%')
      ORDER BY v.institution_id, v.contract_year_start DESC
      LIMIT $5`,
    [winningProductId, regionLikePattern(regionCode), scopePattern, request.afterKey ? requireId(request.afterKey, 'after') : null, request.limit + 1],
  );
  const nodes: UncoveredInstitution[] = rows.map((r) => ({
    institutionId: r.institution_id,
    institutionName: r.institution_name,
    regionCode: r.institution_region_code,
    poolingRegionCode: r.pooling_region_code,
    agreedQuantity: Number(r.quantity),
  }));
  return toPage(nodes, request, (n) => n.institutionId);
}
