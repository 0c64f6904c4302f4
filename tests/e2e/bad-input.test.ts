import { DEMO } from '../../subgraphs/shared/demo/ids';
import { errorCodes, GraphQLResponse, postGraphQL } from '../support/graphql-client';
import { startTestHub, TestHub } from '../support/hub';
import { personaToken } from '../support/tokens';

/** No response may carry a stack trace, SQL, or a server file path. */
function expectNothingLeaked(response: GraphQLResponse) {
  const text = JSON.stringify(response.body);
  expect(text).not.toMatch(/stacktrace|\bat [\w.<>]+ \(|\/work\/|node_modules|SELECT |INSERT |syntax error at|relation "/i);
}

describe('bad input through the gateway', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub.close());

  it('answers a malformed query with BAD_USER_INPUT and HTTP 400', async () => {
    const response = await hub.query('hospital', '{ products { nodes { id }');
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors![0].extensions!.reason).toBe('GRAPHQL_PARSE_FAILED');
    expectNothingLeaked(response);
  });

  it('answers an unknown field with BAD_USER_INPUT and HTTP 400', async () => {
    const response = await hub.query('hospital', '{ products { nodes { id secretColumn } } }');
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors![0].extensions!.reason).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers a variable of the wrong type with BAD_USER_INPUT', async () => {
    const response = await hub.query('hospital', 'query ($id: ID!) { product(id: $id) { id } }', { id: { not: 'an id' } });
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });

  it('answers a malformed id with BAD_USER_INPUT, before any SQL runs', async () => {
    const response = await hub.query('hospital', '{ product(id: "1; DROP TABLE procurement.product") { id } }');
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors![0].extensions!.field).toBe('id');
    expectNothingLeaked(response);
    expect(await hub.db.query('SELECT count(*)::int AS n FROM procurement.product')).toEqual([{ n: 6 }]);
  });

  it('answers an unknown id with NOT_FOUND', async () => {
    const response = await hub.query('hospital', '{ product(id: "00000000-0000-4000-8000-000000000000") { id } }');
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
  });

  it.each([
    ['a page size over the limit', '{ products(page: { first: 1001 }) { nodes { id } } }'],
    ['a page size of zero', '{ products(page: { first: 0 }) { nodes { id } } }'],
    ['a cursor this API never issued', '{ products(page: { after: "bm90LWEtY3Vyc29y" }) { nodes { id } } }'],
    ['a malformed region code', '{ jurisdictionPolicy(regionCode: "Guangdong") { regionCode } }'],
    ['an impossible date', '{ jurisdictionPolicy(regionCode: "440000", on: "2025-02-30") { regionCode } }'],
    ['a date given as a number', '{ paymentStandards(filter: { on: 20250101 }) { nodes { id } } }'],
  ])('answers %s with BAD_USER_INPUT', async (_case, query) => {
    const response = await hub.query('insurance-regulator', query);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expectNothingLeaked(response);
  });

  it('pages through the catalogue with cursors', async () => {
    type Page = { products: { nodes: Array<{ id: string }>; pageInfo: { endCursor: string; hasNextPage: boolean } } };
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 10; i += 1) {
      const response = await hub.query<Page>('hospital', 'query ($after: String) { products(page: { first: 4, after: $after }) { nodes { id } pageInfo { endCursor hasNextPage } } }', { after });
      seen.push(...response.body.data!.products.nodes.map((n) => n.id));
      if (!response.body.data!.products.pageInfo.hasNextPage) break;
      after = response.body.data!.products.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
  });

  it('masks an internal failure: a generic message and an error id, nothing from inside', async () => {
    // Break the database under the subgraph: the resolver fails with a real SQL error.
    await hub.db.query('ALTER TABLE procurement.product RENAME COLUMN pack TO pack_renamed');
    try {
      const response = await hub.query('hospital', `{ product(id: "${DEMO.products.atorvastatinLingnan}") { id pack } }`);
      expect(errorCodes(response)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(response.body.errors![0].message).toBe('Internal server error');
      expectNothingLeaked(response);
    } finally {
      await hub.db.query('ALTER TABLE procurement.product RENAME COLUMN pack_renamed TO pack');
    }
    expect(errorCodes(await hub.query('hospital', '{ products { nodes { id } } }'))).toEqual([]);
  });

  it('refuses a batch of operations in one request', async () => {
    const token = await personaToken('hospital');
    const response = await fetch(hub.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify([{ query: '{ products { nodes { id } } }' }, { query: '{ products { nodes { id } } }' }]),
    });
    expect(response.status).toBe(400);
  });

  it('refuses a GET that would change state, and a cross-site simple request (CSRF)', async () => {
    const response = await fetch(`${hub.gatewayUrl}?query=${encodeURIComponent('{ products { nodes { id } } }')}`);
    expect(response.status).toBe(400);
  });

  it('keeps serving after every bad request above', async () => {
    const response = await postGraphQL(hub.gatewayUrl, { query: '{ products { nodes { id } } }' }, { token: await personaToken('distributor') });
    expect(response.status).toBe(200);
  });
});
