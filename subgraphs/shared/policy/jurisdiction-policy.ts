import DataLoader from 'dataloader';
import { Directive, Field, ObjectType } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { DateScalar } from '../graphql/scalars';
import { parseIsoDate } from '../graphql/scalars';
import { regionChain } from '../region';
import { requireRegionCode } from '../validation';

/** Where an inherited policy value came from: the region and document version that set it. */
@ObjectType({ description: 'The region and policy version a value was inherited from (政策来源).' })
@Directive('@shareable')
export class PolicySource {
  @Field(() => String, { description: 'GB/T 2260 code of the region whose policy set this value; 000000 is the national default.' })
  regionCode: string;

  @Field(() => DateScalar, { description: 'The date this version of that region’s policy took effect.' })
  effectiveFrom: string;

  @Field(() => String, { description: 'The policy document, with its issuer and number where it has one.' })
  document: string;
}

/**
 * The key of the JurisdictionPolicy entity, shared by the four subgraphs' declarations of it: a region
 * and the date the policy is read for. Each subgraph extends it with its own section G parameters.
 */
@ObjectType()
export abstract class JurisdictionPolicyKey {
  @Field(() => String, { description: 'GB/T 2260 code of the region asked about.' })
  regionCode: string;

  @Field(() => DateScalar, { description: 'The date the policy is read for: every value is the one in force on this day.' })
  effectiveOn: string;
}

/** A row of a subgraph's `jurisdiction_policy` table: one region's policy version, parameters null where it says nothing. */
export interface PolicyRow {
  region_code: string;
  effective_from: string;
  document: string;
  [column: string]: unknown;
}

/** The value of one group of parameters (e.g. G-04's basis and days) and where it came from; undefined when no region sets it. */
export type ResolvedGroup = { row: PolicyRow; source: PolicySource } | undefined;

/** Anything that runs SQL: a DataSource, or an EntityManager (a request's or a transaction's). */
interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * The policy versions in force for each (region, date) asked, in one query: per ask, the region's own
 * versions and its ancestors', nearest region first and newest version first (the order `inherit` reads).
 */
export async function fetchPolicyVersions(db: Queryable, table: string, asked: Array<{ regionCode: string; date: string }>): Promise<PolicyRow[][]> {
  const chains = asked.map((a) => regionChain(a.regionCode));
  const rows: PolicyRow[] = await db.query(
    `SELECT p.*, p.effective_from::text AS effective_from, p.effective_to::text AS effective_to
       FROM ${table} p WHERE p.region_code = ANY($1) ORDER BY p.effective_from DESC`,
    [[...new Set(chains.flat())]],
  );
  return asked.map(({ date }, i) =>
    rows
      .filter((r) => chains[i].includes(r.region_code) && r.effective_from <= date && (!r.effective_to || r.effective_to >= date))
      .sort((a, b) => chains[i].indexOf(a.region_code) - chains[i].indexOf(b.region_code)),
  );
}

/** Batches policy look-ups of one request: one query for every (region, date) asked, whatever their number. */
export function createPolicyVersionsLoader(db: EntityManager, table: string): DataLoader<string, PolicyRow[]> {
  return new DataLoader((keys: readonly string[]) =>
    fetchPolicyVersions(
      db,
      table,
      keys.map((key) => {
        const [regionCode, date] = key.split('|');
        return { regionCode, date };
      }),
    ),
  );
}

/** The loader key of a policy look-up. */
export function policyKey(regionCode: string, date: string): string {
  return `${regionCode}|${date}`;
}

/** The policy versions that apply to `policy`, through the request's batched loader. */
export function versionsFor(loader: DataLoader<string, PolicyRow[]>, policy: JurisdictionPolicyKey): Promise<PolicyRow[]> {
  return loader.load(policyKey(policy.regionCode, policy.effectiveOn));
}

/**
 * Picks, for one parameter group, the nearest and newest version that sets it (DOMAIN.md section G:
 * district → city → province → national default, by date). A group is set when `column` is not null.
 */
export function inherit(versions: PolicyRow[], column: string): ResolvedGroup {
  const row = versions.find((v) => v[column] !== null && v[column] !== undefined);
  return row ? { row, source: { regionCode: row.region_code, effectiveFrom: row.effective_from, document: row.document } } : undefined;
}

/**
 * `_entities` for JurisdictionPolicy in every subgraph: the key is the whole object, and each subgraph's
 * field resolvers read their own parameters for it. Keys are checked as if they were arguments.
 */
export function resolveJurisdictionPolicyReference(reference: { regionCode: string; effectiveOn: string }) {
  return { regionCode: requireRegionCode(reference.regionCode), effectiveOn: parseIsoDate(reference.effectiveOn) };
}
