import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { errors } from '../../shared/errors';
import { pageRequest, PageInput, toPage } from '../../shared/graphql/pagination';
import { decimalText, Money, parseIsoDate, todayInChina } from '../../shared/graphql/scalars';
import { fetchPolicyVersions, inherit } from '../../shared/policy/jurisdiction-policy';
import { regionChain } from '../../shared/region';
import { requireCleanText, requireId, requirePositiveAmount, requireQuantity } from '../../shared/validation';
import { workingDaysAfter } from '../calendar/official-calendar.service';
import type { ProcurementContext } from '../context';
import { ProductKind } from '../product/product.entity';
import { annualPurchases } from './annual-purchases';
import { filedPurchaseCaps } from './filed-purchase-caps';
import { FiledPurchase, FiledPurchaseExemption } from './filed-purchase.entity';
import type { FiledPurchaseFilter, FileOffListPurchaseInput } from './filed-purchase.input';
import { scopeFiledPurchases } from './filed-purchase.scope';

const COLUMNS = `f.id, f.institution_id AS "institutionId", f.region_code AS "regionCode", f.product_id AS "productId",
  f.product_description AS "productDescription", f.kind, f.exemption, f.quantity::int AS quantity, f.unit_price::text AS "unitPrice",
  f.amount::text AS amount, f.purchased_on::text AS "purchasedOn", f.registered_on::text AS "registeredOn",
  f.registration_deadline::text AS "registrationDeadline", f.registered_late AS "registeredLate",
  f.statement_document_number AS "statementDocumentNumber", f.statement_sha256 AS "statementSha256", f.created_at AS "createdAt"`;

/** Checks the shape of a filing before anything is read. */
function validate(input: FileOffListPurchaseInput) {
  const hasId = input.productId !== undefined && input.productId !== null;
  const hasDescription = input.productDescription !== undefined && input.productDescription !== null;
  if (hasId === hasDescription) throw errors.badInput('Give either productId or productDescription', { field: 'productId' });
  const productId = hasId ? requireId(input.productId!, 'productId') : null;
  const productDescription = hasDescription ? requireCleanText(input.productDescription, 'productDescription', 300) : null;
  if (!Object.values(ProductKind).includes(input.kind)) throw errors.badInput('kind must be DRUG or CONSUMABLE', { field: 'kind' });
  if (!Object.values(FiledPurchaseExemption).includes(input.exemption)) throw errors.badInput('exemption is not a FiledPurchaseExemption', { field: 'exemption' });
  if (input.exemption === FiledPurchaseExemption.NEGOTIATED_CATALOGUE_DRUG && input.kind !== ProductKind.DRUG) {
    throw errors.badInput('P-07: only a drug can be a negotiated-catalogue drug', { field: 'exemption', rule: 'P-07' });
  }
  const quantity = requireQuantity(input.quantity, 'quantity');
  const unitPrice = requirePositiveAmount(input.unitPrice, 'unitPrice');
  const amount = requirePositiveAmount(input.amount, 'amount');
  if (!unitPrice.times(quantity).eq(amount)) {
    throw errors.badInput(`amount ${decimalText(amount)} is not quantity × unitPrice (${decimalText(unitPrice.times(quantity))})`, { field: 'amount' });
  }
  const purchasedOn = parseIsoDate(input.purchasedOn);
  const today = todayInChina();
  if (purchasedOn > today) throw errors.badInput('purchasedOn cannot be in the future', { field: 'purchasedOn' });
  if (purchasedOn < '2000-01-01') throw errors.badInput('purchasedOn is before 2000', { field: 'purchasedOn' });
  const statementDocumentNumber = requireCleanText(input.statementDocumentNumber, 'statementDocumentNumber', 100);
  if (typeof input.statementSha256 !== 'string' || !/^[0-9a-fA-F]{64}$/.test(input.statementSha256)) {
    throw errors.badInput('statementSha256 must be 64 hexadecimal characters', { field: 'statementSha256' });
  }
  return { productId, productDescription, kind: input.kind, exemption: input.exemption, quantity, unitPrice, amount, purchasedOn, today, statementDocumentNumber, statementSha256: input.statementSha256.toLowerCase() };
}
type Filing = ReturnType<typeof validate>;

/** A catalogue product named in a filing must exist, be of the stated kind, and not be listed for the institution. */
async function checkCatalogueProduct(tx: EntityManager, filing: Filing, regionCode: string): Promise<void> {
  const [product] = await tx.query('SELECT kind FROM procurement.product WHERE id = $1', [filing.productId]);
  if (!product) throw errors.badInput(`Product ${filing.productId} does not exist`, { field: 'productId' });
  if (product.kind !== filing.kind) throw errors.badInput(`Product ${filing.productId} is a ${product.kind}, not a ${filing.kind}`, { field: 'kind' });
  const chain = regionChain(regionCode);
  const [listing] = await tx.query(
    `SELECT status FROM procurement.listing WHERE product_id = $1 AND region_code = ANY($2)
      ORDER BY array_position($2::text[], region_code) LIMIT 1`,
    [filing.productId, chain],
  );
  if (listing && (listing.status === 'LISTED' || listing.status === 'RESTORED')) {
    throw errors.badInput(`P-07: product ${filing.productId} is listed for region ${regionCode}; buy it through the platform (P-08)`, { field: 'productId', rule: 'P-07' });
  }
}

/**
 * The P-07 caps on the year's non-exempt filed purchases, with this filing included, against the year's
 * purchases (platform orders not cancelled, plus every filed purchase): drugs ≤ the policy's share of the
 * drug amount and ≤ its share of the regular drug varieties; consumables ≤ its share of the consumable
 * amount. The year is the year of purchase, counted to date.
 */
async function checkCaps(tx: EntityManager, filing: Filing, institutionId: string, shares: { drugAmount?: string; drugVarieties?: string; consumableAmount?: string }): Promise<void> {
  const year = Number(filing.purchasedOn.slice(0, 4));
  const purchases = (await annualPurchases(tx, institutionId, year)).find((p) => p.kind === filing.kind)!;
  const total = new Money(purchases.platformAmount).plus(purchases.filedAmount).plus(filing.amount);
  const capped = new Money(purchases.cappedFiledAmount).plus(filing.amount);
  const amountShare = filing.kind === ProductKind.DRUG ? shares.drugAmount : shares.consumableAmount;
  if (amountShare !== undefined && capped.gt(total.times(amountShare))) {
    throw errors.badInput(
      `P-07: filed ${filing.kind === ProductKind.DRUG ? 'drug' : 'consumable'} purchases of ${year} would come to ${decimalText(capped)} yuan, more than ${decimalText(new Money(amountShare).times(100))}% of the year's ${decimalText(total)} yuan (${decimalText(total.times(amountShare))})`,
      { field: 'amount', rule: 'P-07' },
    );
  }
  if (filing.kind === ProductKind.DRUG && shares.drugVarieties !== undefined) {
    const variety = filing.productId ?? filing.productDescription!.toLowerCase();
    const [{ known }] = await tx.query(
      `SELECT EXISTS (SELECT 1 FROM procurement.filed_purchase WHERE institution_id = $1 AND kind = 'DRUG' AND exemption = 'NONE'
          AND purchased_on >= make_date($2, 1, 1) AND purchased_on < make_date($2 + 1, 1, 1)
          AND coalesce(product_id::text, lower(product_description)) = $3) AS known`,
      [institutionId, year, variety],
    );
    const varieties = purchases.cappedFiledVarieties + (known ? 0 : 1);
    const allowed = new Money(purchases.platformVarieties).times(shares.drugVarieties);
    if (allowed.lt(varieties)) {
      throw errors.badInput(
        `P-07: ${varieties} filed drug varieties in ${year} would exceed ${decimalText(new Money(shares.drugVarieties).times(100))}% of the ${purchases.platformVarieties} regular drug varieties bought through the platform (${decimalText(allowed)})`,
        { field: 'productId', rule: 'P-07' },
      );
    }
  }
}

/**
 * P-07: the calling institution registers a purchase of an unlisted product with its stamped statement.
 * The G-06 deadline counts working days on the official calendar; a late registration is recorded and
 * flagged rather than refused (the purchase happened; hiding it would blind the regulator). Caps are
 * checked in a per-institution-and-year lock so concurrent filings cannot together pass them.
 */
export async function fileOffListPurchase(ctx: ProcurementContext, input: FileOffListPurchaseInput): Promise<FiledPurchase> {
  const filing = validate(input);
  const institutionId = ctx.identity!.org!;
  return ctx.db.transaction(async (tx) => {
    const [institution] = await tx.query('SELECT region_code FROM procurement.institution WHERE id = $1', [institutionId]);
    if (!institution) throw errors.forbidden('The calling institution is not registered in procurement');
    if (filing.productId) await checkCatalogueProduct(tx, filing, institution.region_code);
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`filedPurchase:${institutionId}:${filing.purchasedOn.slice(0, 4)}`]);

    const [versions] = await fetchPolicyVersions(tx, 'procurement.jurisdiction_policy', [{ regionCode: institution.region_code, date: filing.purchasedOn }]);
    const caps = filedPurchaseCaps(versions);
    const share = (column: string) => (caps && caps.row[column] !== null ? String(caps.row[column]) : undefined);
    if (caps && filing.exemption === FiledPurchaseExemption.NONE) {
      await checkCaps(tx, filing, institutionId, { drugAmount: share('filed_drug_amount_share'), drugVarieties: share('filed_drug_variety_share'), consumableAmount: share('filed_consumable_amount_share') });
    }
    const workingDays = inherit(versions, 'filed_purchase_working_days');
    const deadline = workingDays ? await workingDaysAfter(tx, filing.purchasedOn, Number(workingDays.row.filed_purchase_working_days)) : null;
    const id = randomUUID();
    await tx.query(
      `INSERT INTO procurement.filed_purchase (id, institution_id, region_code, product_id, product_description, kind, exemption, quantity, unit_price, amount,
         purchased_on, registered_on, registration_deadline, registered_late, statement_document_number, statement_sha256, registered_by, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
      [
        id, institutionId, institution.region_code, filing.productId, filing.productDescription, filing.kind, filing.exemption, filing.quantity,
        decimalText(filing.unitPrice), decimalText(filing.amount), filing.purchasedOn, filing.today, deadline, deadline !== null && filing.today > deadline,
        filing.statementDocumentNumber, filing.statementSha256, ctx.identity!.subject, ctx.requestId,
      ],
    );
    ctx.log.info({ filedPurchaseId: id, late: deadline !== null && filing.today > deadline}, 'filed purchase registered');
    const [row] = await tx.query(`SELECT ${COLUMNS} FROM procurement.filed_purchase f WHERE f.id = $1`, [id]);
    return row;
  });
}

/** Filed purchases within the caller's scope, by id. */
export async function listFiledPurchases(ctx: ProcurementContext, filter: FiledPurchaseFilter | undefined, page: PageInput | undefined) {
  const request = pageRequest(page);
  const params: unknown[] = [];
  const where = [scopeFiledPurchases('f', ctx.identity!, params)];
  if (filter?.institutionId !== undefined && filter.institutionId !== null) {
    params.push(requireId(filter.institutionId, 'institutionId'));
    where.push(`f.institution_id = $${params.length}`);
  }
  if (filter?.year !== undefined && filter.year !== null) {
    if (!Number.isInteger(filter.year) || filter.year < 2000 || filter.year > 2100) throw errors.badInput('year must be from 2000 to 2100', { field: 'year' });
    params.push(filter.year);
    where.push(`f.purchased_on >= make_date($${params.length}, 1, 1) AND f.purchased_on < make_date($${params.length} + 1, 1, 1)`);
  }
  if (filter?.registeredLate !== undefined && filter.registeredLate !== null) {
    params.push(filter.registeredLate);
    where.push(`f.registered_late = $${params.length}`);
  }
  if (request.afterKey) {
    params.push(requireId(request.afterKey, 'after'));
    where.push(`f.id > $${params.length}`);
  }
  params.push(request.limit + 1);
  const rows: FiledPurchase[] = await ctx.db.query(`SELECT ${COLUMNS} FROM procurement.filed_purchase f WHERE ${where.join(' AND ')} ORDER BY f.id LIMIT $${params.length}`, params);
  return toPage(rows, request, (f) => f.id);
}
