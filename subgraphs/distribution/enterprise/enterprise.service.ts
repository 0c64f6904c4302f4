import { randomUUID } from 'node:crypto';
import { isValidCreditCode } from '../../shared/credit-code';
import { errors } from '../../shared/errors';
import type { EnterpriseRegisteredV1 } from '../../shared/events/contracts';
import { recordEvent } from '../../shared/events/outbox';
import { pageRequest, PageInput, toPage } from '../../shared/graphql/pagination';
import { regionLikePattern, regionWithin } from '../../shared/region';
import { requireId, requireRegionCode } from '../../shared/validation';
import type { DistributionContext } from '../context';
import { Enterprise, EnterpriseStatus } from './enterprise.entity';
import { EnterpriseFilter, EnterpriseRole, RegisterEnterpriseInput } from './enterprise.input';

/**
 * A registered enterprise name carries its organisational form (企业名称登记管理规定: 字号 + 行业 + 组织形式),
 * and is written in letters, digits and the punctuation names use; anything else is a typing or injection mistake.
 */
const ORGANISATIONAL_FORM = /(公司|厂|企业|集团|合作社|商行|药店|药房|中心|Co\.|Ltd\.?|Inc\.|Corporation|Company)/i;
const NAME_CHARACTERS = /^[\p{L}\p{N}][\p{L}\p{N} ()（）·&.,、-]*$/u;

function requireEnterpriseName(value: string): string {
  const name = typeof value === 'string' ? value.trim() : '';
  if (name.length < 4 || name.length > 100 || !NAME_CHARACTERS.test(name) || !ORGANISATIONAL_FORM.test(name)) {
    throw errors.badInput('D-01: name must be the registered enterprise name, 4–100 letters, digits or name punctuation, with its organisational form (e.g. 有限公司)', {
      field: 'name',
      rule: 'D-01',
    });
  }
  return name;
}

/**
 * D-01: a market-regulation regulator (市场监督管理局, the registration authority) enters an enterprise of its
 * own region in the register. The credit code's check character is verified before anything is read or
 * written; the EnterpriseRegistered event lets other subgraphs check the ids they are given.
 */
export async function registerEnterprise(ctx: DistributionContext, input: RegisterEnterpriseInput): Promise<Enterprise> {
  const name = requireEnterpriseName(input.name);
  const creditCode = typeof input.creditCode === 'string' ? input.creditCode.trim().toUpperCase() : '';
  if (!isValidCreditCode(creditCode)) {
    throw errors.badInput('D-01: creditCode is not a valid unified social credit code (18 characters, GB 32100-2015 check character)', { field: 'creditCode', rule: 'D-01' });
  }
  if (!Array.isArray(input.roles) || input.roles.length === 0 || input.roles.length > 2 || new Set(input.roles).size !== input.roles.length) {
    throw errors.badInput('D-01: roles lists MANUFACTURER, DISTRIBUTOR or both, each once', { field: 'roles', rule: 'D-01' });
  }
  const regionCode = requireRegionCode(input.regionCode);
  if (!regionWithin(regionCode, ctx.identity!.region!)) throw errors.forbidden(`D-01: region ${regionCode} is outside the caller’s jurisdiction`);

  return ctx.db.transaction(async (tx) => {
    const repository = tx.getRepository(Enterprise);
    const enterprise = repository.create({
      id: randomUUID(),
      name,
      creditCode,
      isManufacturer: input.roles.includes(EnterpriseRole.MANUFACTURER),
      isDistributor: input.roles.includes(EnterpriseRole.DISTRIBUTOR),
      regionCode,
      status: EnterpriseStatus.ACTIVE,
    });
    const inserted = await tx.query(
      `INSERT INTO distribution.enterprise (id, name, credit_code, is_manufacturer, is_distributor, region_code, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (credit_code) DO NOTHING RETURNING created_at`,
      [enterprise.id, name, creditCode, enterprise.isManufacturer, enterprise.isDistributor, regionCode, enterprise.status],
    );
    if (inserted.length === 0) throw errors.conflict(`D-01: an enterprise with credit code ${creditCode} is already registered`, { rule: 'D-01' });
    await recordEvent<EnterpriseRegisteredV1>(tx, 'distribution', {
      type: 'EnterpriseRegistered',
      version: 1,
      key: enterprise.id,
      payload: {
        enterpriseId: enterprise.id, name, creditCode, isManufacturer: enterprise.isManufacturer, isDistributor: enterprise.isDistributor,
        regionCode, status: enterprise.status, registeredAt: new Date(inserted[0].created_at).toISOString(),
      },
    });
    ctx.log.info({ enterpriseId: enterprise.id }, 'enterprise registered');
    return enterprise;
  });
}

/** The enterprise directory (D-01), filtered and paginated. */
export async function listEnterprises(ctx: DistributionContext, filter: EnterpriseFilter | undefined, page: PageInput | undefined) {
  const request = pageRequest(page);
  const qb = ctx.db.getRepository(Enterprise).createQueryBuilder('e').orderBy('e.id').limit(request.limit + 1);
  if (filter?.regionCode !== undefined) qb.andWhere('e.region_code LIKE :region', { region: regionLikePattern(requireRegionCode(filter.regionCode)) });
  if (filter?.isManufacturer !== undefined) qb.andWhere('e.is_manufacturer = :m', { m: filter.isManufacturer });
  if (filter?.isDistributor !== undefined) qb.andWhere('e.is_distributor = :d', { d: filter.isDistributor });
  if (request.afterKey) qb.andWhere('e.id > :after', { after: requireId(request.afterKey, 'after') });
  return toPage(await qb.getMany(), request, (e) => e.id);
}

export async function getEnterprise(ctx: DistributionContext, id: string): Promise<Enterprise> {
  const enterprise = await ctx.loaders.enterpriseById.load(requireId(id));
  if (!enterprise) throw errors.notFound('Enterprise', id);
  return enterprise;
}
