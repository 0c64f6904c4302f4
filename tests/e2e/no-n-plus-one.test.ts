import { buildClientSchema, getIntrospectionQuery, GraphQLField, GraphQLObjectType, GraphQLSchema, getNamedType, IntrospectionQuery, isEnumType, isNonNullType, isObjectType, isScalarType } from 'graphql';
import { ruleAdmits } from '../../scripts/lib/access-matrix';
import { generateProvince, GeneratedProvince, SCALES } from '../../scripts/lib/synthetic-province';
import type { Identity } from '../../subgraphs/shared/auth/identity';
import { SUBGRAPHS } from '../../subgraphs/shared/db/data-source';
import { SQL_STATEMENTS_HEADER, SUBGRAPH_CALLS_HEADER } from '../../subgraphs/shared/http/workload-headers';
import { SUBGRAPH_DEFINITIONS } from '../../subgraphs/definitions';
import { startTestHub, TestHub } from '../support/hub';
import { DEMO_PERSONAS, tokenFor } from '../support/tokens';

/**
 * Issue 10, item 5, and non-negotiable 6: no list query's SQL grows with its length. Every list query
 * of every subgraph (generated from the schemas, so a new one is covered the day it is added) is asked
 * for 10 and for 1,000 rows with its entity references across subgraphs, through the gateway, over a
 * synthetic province (scripts/lib/synthetic-province.ts); the gateway reports the SQL statements the
 * subgraphs ran (x-sql-statements). An N+1 adds hundreds; batching adds none.
 */

/** The regulator who sees the whole synthetic province (Guangdong's medical insurance bureau). */
const PROVINCE_REGULATOR: Identity = DEMO_PERSONAS['insurance-regulator'].identity;

/** Lists the synthetic province must fill to 1,000 rows, so the comparison is made where it matters. */
const MUST_REACH_A_THOUSAND = ['orders', 'agreedVolumes', 'settlements', 'deliveries'];

/**
 * The longer page may reach a kind of row the shorter one had none of: one more batched loader call in
 * a subgraph (a statement or two), or one more subgraph call (its own transaction, identity settings
 * and audit row, about seven). An N+1 adds one statement, or one subgraph call, per row.
 */
const ALLOWED_GROWTH = { statements: 4, perExtraSubgraphCall: 8, subgraphCalls: 2 };

/** Whether the caller may read `field` of `type`, by the rule of the subgraph that resolves it. */
async function readable(type: GraphQLObjectType, field: string, identity: Identity): Promise<boolean> {
  for (const name of SUBGRAPHS) {
    const rule = SUBGRAPH_DEFINITIONS[name].permissions[type.name]?.[field];
    if (rule) return ruleAdmits(rule, identity);
  }
  return false;
}

/**
 * Every scalar the caller may read, and the objects it reaches (entity references into other subgraphs
 * among them), two levels down: what a dashboard's list shows, including names from three subgraphs.
 */
async function selectionOf(type: GraphQLObjectType, identity: Identity, depth: number): Promise<string> {
  const parts: string[] = [];
  for (const field of Object.values(type.getFields()) as Array<GraphQLField<unknown, unknown>>) {
    if (field.args.some((a) => isNonNullType(a.type)) || !(await readable(type, field.name, identity))) continue;
    const named = getNamedType(field.type);
    if (isScalarType(named) || isEnumType(named)) parts.push(field.name);
    else if (isObjectType(named) && depth > 0) {
      const inner = await selectionOf(named, identity, depth - 1);
      if (inner) parts.push(`${field.name} { ${inner} }`);
    }
  }
  return parts.join(' ');
}

interface ListQuery {
  field: GraphQLField<unknown, unknown>;
  document: (first: number) => string;
}

/** Every root query of the gateway's API that returns a page (`nodes`) and needs no argument but its page. */
async function listQueries(schema: GraphQLSchema, identity: Identity): Promise<ListQuery[]> {
  const found: ListQuery[] = [];
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    const type = getNamedType(field.type);
    const page = field.args.find((a) => a.name === 'page');
    if (!isObjectType(type) || !type.getFields().nodes || !page) continue;
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    if (!(await readable(schema.getQueryType()!, field.name, identity))) continue;
    const node = getNamedType(type.getFields().nodes.type) as GraphQLObjectType;
    const selection = await selectionOf(node, identity, 2);
    found.push({ field, document: (first) => `{ ${field.name}(page: { first: ${first} }) { nodes { ${selection} } } }` });
  }
  return found;
}

describe('no N+1: a list of 1,000 runs as many SQL statements as a list of 10', () => {
  let hub: TestHub;
  let token: string;
  let province: GeneratedProvince;
  const lists: ListQuery[] = [];

  beforeAll(async () => {
    hub = await startTestHub({ events: false, limits: { maxCost: 10_000_000, requestsPerMinute: 1_000_000 } });
    province = await generateProvince(hub.db.url, { scale: SCALES.test, seed: 7 });
    token = await tokenFor(PROVINCE_REGULATOR);
    // The schema a client sees (the supergraph's API), so entity references lead into the other subgraphs.
    const introspection = await hub.query<IntrospectionQuery>({ token }, getIntrospectionQuery());
    lists.push(...(await listQueries(buildClientSchema(introspection.body.data!), PROVINCE_REGULATOR)));
  }, 120_000);

  afterAll(() => hub?.close());

  it('has lists to measure, the big ones filled beyond 1,000 rows by the synthetic province', () => {
    expect(province.rows['procurement.order_line']).toBe(SCALES.test.orderLines);
    for (const name of MUST_REACH_A_THOUSAND) expect(lists.map((l) => l.field.name)).toContain(name);
  });

  it('counts the same statements for 10 rows and for 1,000, for every list query', async () => {
    const report: string[] = [];
    const grown: string[] = [];
    const short: string[] = [];
    for (const list of lists) {
      const measure = async (first: number) => {
        const response = await hub.query({ token }, list.document(first));
        expect(response.body.errors).toBeUndefined();
        const rows = (response.body.data?.[list.field.name] as { nodes: unknown[] }).nodes.length;
        return { rows, statements: Number(response.headers.get(SQL_STATEMENTS_HEADER)), calls: Number(response.headers.get(SUBGRAPH_CALLS_HEADER)) };
      };
      const small = await measure(10);
      const large = await measure(1000);
      report.push(`${list.field.name}: ${small.rows} rows → ${small.statements} statements / ${large.rows} rows → ${large.statements} statements (${large.calls} subgraph calls)`);
      if (MUST_REACH_A_THOUSAND.includes(list.field.name) && large.rows !== 1000) short.push(report[report.length - 1]);
      const extraCalls = large.calls - small.calls;
      const allowed = small.statements + ALLOWED_GROWTH.statements + ALLOWED_GROWTH.perExtraSubgraphCall * Math.max(0, extraCalls);
      if (!(small.statements > 0) || extraCalls > ALLOWED_GROWTH.subgraphCalls || large.statements > allowed) grown.push(report[report.length - 1]);
    }
    process.stdout.write(`${report.join('\n')}\n`);
    expect(short).toEqual([]);
    expect(grown).toEqual([]);
  }, 300_000);
});
