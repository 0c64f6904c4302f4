import { TokenVerifier } from '../../subgraphs/shared/auth/tokens';
import { createDataSource, SUBGRAPHS } from '../../subgraphs/shared/db/data-source';
import { startSubgraphServer } from '../../subgraphs/shared/http/subgraph-server';
import { SUBGRAPH_DEFINITIONS } from '../../subgraphs/definitions';
import { startTestHub, testLogger, TestHub } from '../support/hub';
import { TEST_JWT } from '../support/test-environment';

describe('liveness and readiness', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub.close());

  it.each([...SUBGRAPHS, 'gateway'] as const)('%s answers /health and /ready', async (name) => {
    const base = (name === 'gateway' ? hub.gatewayUrl : hub.subgraphUrl(name)).replace(/\/graphql$/, '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('a subgraph whose database cannot be reached is alive but not ready', async () => {
    const db = createDataSource({ url: 'postgres://nobody@127.0.0.1:1/nothing', subgraph: 'quality', entities: [] });
    const server = await startSubgraphServer(
      {
        name: 'quality',
        schema: await SUBGRAPH_DEFINITIONS.quality.schema(),
        db,
        verifier: new TokenVerifier(TEST_JWT),
        log: testLogger(),
        production: false,
        createLoaders: SUBGRAPH_DEFINITIONS.quality.createLoaders,
      },
      { port: 0, host: '127.0.0.1' },
    );
    try {
      const base = server.url.replace(/\/graphql$/, '');
      expect((await fetch(`${base}/health`)).status).toBe(200);
      expect((await fetch(`${base}/ready`)).status).toBe(503);
    } finally {
      await server.stop();
    }
  });
});
