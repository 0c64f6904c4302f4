import { resolve } from 'node:path';
import { TokenVerifier } from '../../subgraphs/shared/auth/tokens';
import { SUBGRAPHS } from '../../subgraphs/shared/db/data-source';
import { startGateway, RunningGateway } from '../../gateway/server';
import { serviceTokenSource } from '../../gateway/service-token';
import { freePort } from '../../scripts/lib/embedded-database';
import { errorCodes, postGraphQL } from '../support/graphql-client';
import { startTestHub, testLogger, TestHub } from '../support/hub';
import { TEST_JWT } from '../support/test-environment';
import { personaToken } from '../support/tokens';

async function productionGateway(subgraphs: Array<{ name: string; url: string }>): Promise<RunningGateway> {
  return startGateway({
    subgraphs,
    supergraph: { source: 'file', path: resolve('schema/supergraph.graphql') },
    verifier: new TokenVerifier(TEST_JWT),
    serviceToken: serviceTokenSource(TEST_JWT),
    log: testLogger(),
    production: true,
    port: 0,
    host: '127.0.0.1',
  });
}

describe('production mode', () => {
  it('serves the checked-in supergraph without asking any subgraph for its schema', async () => {
    // Nothing listens at these addresses: live composition could not start, the checked-in file can.
    const nowhere = await Promise.all(SUBGRAPHS.map(async (name) => ({ name, url: `http://127.0.0.1:${await freePort()}/graphql` })));
    const gateway = await productionGateway(nowhere);
    try {
      const response = await postGraphQL(gateway.url, { query: '{ products { nodes { id } } }' }, { token: await personaToken('hospital') });
      // The plan was made from the file; only the call to the (absent) subgraph fails, and is masked.
      expect(errorCodes(response)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(JSON.stringify(response.body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
    } finally {
      await gateway.close();
    }
  });

  describe('against running subgraphs', () => {
    let hub: TestHub;
    let gateway: RunningGateway;
    beforeAll(async () => {
      hub = await startTestHub({ gateway: false });
      gateway = await productionGateway(SUBGRAPHS.map((name) => ({ name, url: hub.subgraphUrl(name) })));
    });
    afterAll(async () => {
      await gateway.close();
      await hub.close();
    });

    it('answers queries from the checked-in plan', async () => {
      const response = await postGraphQL<{ products: { nodes: Array<{ manufacturer: { name: string } }> } }>(
        gateway.url,
        { query: '{ products { nodes { manufacturer { name } } } }' },
        { token: await personaToken('hospital') },
      );
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data!.products.nodes.length).toBeGreaterThan(0);
    });

    it('answers queries over GET but never mutations, and refuses a GET without a CSRF-safe header', async () => {
      const token = await personaToken('hospital');
      const get = (query: string, headers: Record<string, string>) =>
        fetch(`${gateway.url}?query=${encodeURIComponent(query)}`, { headers: { authorization: `Bearer ${token}`, ...headers } });
      expect((await get('{ products { nodes { id } } }', { 'apollo-require-preflight': 'true' })).status).toBe(200);
      const mutation = await get('mutation { shipOrder(input: { orderId: "00000000-0000-4000-8000-000000000001" }) { id } }', { 'apollo-require-preflight': 'true' });
      expect(mutation.status).toBe(405);
      expect((await get('{ products { nodes { id } } }', {})).status).toBe(400);
    });

    it('refuses introspection and does not suggest field names', async () => {
      const token = await personaToken('hospital');
      const introspection = await postGraphQL(gateway.url, { query: '{ __schema { types { name } } }' }, { token });
      expect(errorCodes(introspection)).toEqual(['BAD_USER_INPUT']);
      const typo = await postGraphQL(gateway.url, { query: '{ product { nam } }' }, { token });
      expect(JSON.stringify(typo.body)).not.toMatch(/Did you mean/);
    });
  });
});

describe('development IDE', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ subgraphs: ['procurement'] });
  });
  afterAll(() => hub.close());

  it('serves GraphiQL and its scripts from the project itself, under a same-origin-only policy', async () => {
    const base = hub.gatewayUrl.replace(/\/graphql$/, '');
    const page = await fetch(`${base}/graphiql`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\//);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    for (const asset of ['react.js', 'react-dom.js', 'graphiql.js', 'graphiql.css', 'init.js']) {
      const response = await fetch(`${base}/graphiql/assets/${asset}`);
      expect([asset, response.status]).toEqual([asset, 200]);
    }
  });

  it('serves no IDE in production', async () => {
    const gateway = await productionGateway([{ name: 'procurement', url: hub.subgraphUrl('procurement') }]);
    try {
      expect((await fetch(gateway.url.replace(/\/graphql$/, '/graphiql'))).status).toBe(404);
    } finally {
      await gateway.close();
    }
  });
});
