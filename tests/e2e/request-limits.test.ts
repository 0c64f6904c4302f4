import { Client } from 'pg';
import { REQUEST_LIMITS } from '../../gateway/request-limits';
import { errorCodes, postGraphQL } from '../support/graphql-client';
import { startTestHub, TestHub } from '../support/hub';
import { personaToken } from '../support/tokens';

const LIMITS = { maxDepth: 5, maxAliases: 2, maxDirectives: 1, maxTokens: 60, maxCost: 150, maxBodyBytes: 2000, requestsPerMinute: 1000 };

describe('request limits at the gateway', () => {
  const lines: string[] = [];
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ logLines: lines, limits: LIMITS });
  });
  afterAll(() => hub.close());

  /** Sends `query` with a request id and reports the response and whether any subgraph ran an operation for it. */
  async function send(query: string, variables?: Record<string, unknown>) {
    const requestId = `limits-${Math.random().toString(36).slice(2)}`;
    const response = await postGraphQL(hub.gatewayUrl, { query, variables }, { token: await personaToken('insurance-regulator'), headers: { 'x-request-id': requestId } });
    const subgraphRan = lines.some((line) => line.includes(requestId) && line.includes('"msg":"operation"'));
    return { response, subgraphRan };
  }

  async function expectRefused(query: string, limit: string, variables?: Record<string, unknown>) {
    const { response, subgraphRan } = await send(query, variables);
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors![0].extensions).toMatchObject({ limit });
    expect(response.body.errors![0].message).toContain(limit);
    expect(subgraphRan).toBe(false);
  }

  async function expectServed(query: string, variables?: Record<string, unknown>) {
    const { response, subgraphRan } = await send(query, variables);
    expect(response.body.errors).toBeUndefined();
    expect(subgraphRan).toBe(true);
  }

  it('depth: 5 levels pass, 6 are refused before any subgraph runs', async () => {
    await expectServed('{ settlements(page: { first: 1 }) { nodes { lines { product { name } } } } }');
    await expectRefused('{ settlements(page: { first: 1 }) { nodes { lines { product { manufacturer { name } } } } } }', 'depth');
  });

  it('aliases: 2 pass, 3 are refused', async () => {
    await expectServed('{ a: products { nodes { id } } b: products { nodes { id } } }');
    await expectRefused('{ a: products { nodes { id } } b: products { nodes { id } } c: products { nodes { id } } }', 'aliases');
  });

  it('directives: 1 passes, 2 are refused', async () => {
    await expectServed('{ products { nodes { id @include(if: true) } } }');
    await expectRefused('{ products { nodes { id @include(if: true) name @skip(if: false) } } }', 'directives');
  });

  it('cost: a page of 50 with one nested object costs 150 and passes; 51 costs 153 and is refused', async () => {
    const query = 'query ($n: Int) { products(page: { first: $n }) { nodes { manufacturer { name } } } }';
    await expectServed(query, { n: 50 });
    await expectRefused(query, 'cost', { n: 51 });
  });

  it('tokens: a short document passes, a long one is refused while parsing', async () => {
    await expectServed('{ products { nodes { id name } } }');
    const { response, subgraphRan } = await send(`{ products { nodes { ${'id '.repeat(80)} } } }`);
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors![0].message).toMatch(/tokens/);
    expect(subgraphRan).toBe(false);
  });

  it('body size: over the limit is HTTP 413 with the limit named', async () => {
    const query = `{ products { nodes { id } } } # ${'x'.repeat(LIMITS.maxBodyBytes)}`;
    const { response, subgraphRan } = await send(query);
    expect(response.status).toBe(413);
    expect(response.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'bodyBytes', max: LIMITS.maxBodyBytes });
    expect(subgraphRan).toBe(false);
  });

  it('keeps production limits that let every README example through', () => {
    expect(REQUEST_LIMITS.maxDepth).toBeGreaterThanOrEqual(8);
    expect(REQUEST_LIMITS.maxCost).toBeGreaterThanOrEqual(10_000);
  });
});

describe('per-caller rate limit', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ limits: { requestsPerMinute: 3 } });
  });
  afterAll(() => hub.close());

  it('answers HTTP 429 with Retry-After once a caller is over its share, and leaves other callers alone', async () => {
    const query = '{ products { nodes { id } } }';
    for (let i = 0; i < 3; i += 1) expect((await hub.query('hospital', query)).status).toBe(200);
    const refused = await hub.query('hospital', query);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.body.errors![0].extensions).toMatchObject({ limit: 'requestsPerMinute' });
    expect((await hub.query('distributor', query)).status).toBe(200);
  });
});

describe('statement timeout', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ statementTimeoutMs: 500 });
  });
  afterAll(() => hub.close());

  it('cancels a statement that runs too long, answers a masked error, and leaves nothing running', async () => {
    const locker = new Client({ connectionString: hub.db.url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE procurement.product IN ACCESS EXCLUSIVE MODE');
      const started = Date.now();
      const response = await hub.query('hospital', '{ products { nodes { id } } }');
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(errorCodes(response)).toEqual(['INTERNAL_SERVER_ERROR']);
      const waiting = await hub.db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
      expect(waiting).toEqual([{ n: 0 }]);
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
  });
});
