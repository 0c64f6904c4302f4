import { TokenVerifier } from '../../subgraphs/shared/auth/tokens';
import { DEMO } from '../../subgraphs/shared/demo/ids';
import { startSubgraph } from '../../subgraphs/shared/http/start-subgraph';
import { SUBGRAPH_DEFINITIONS } from '../../subgraphs/definitions';
import { errorCodes } from '../support/graphql-client';
import { startTestHub, testLogger, TestHub } from '../support/hub';
import { TEST_JWT } from '../support/test-environment';

const QUERY = `{ product(id: "${DEMO.products.atorvastatinLingnan}") { name manufacturer { name } inspections { result } } }`;

describe('one subgraph down', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub.close());

  it('still answers the other subgraphs’ fields, marks the missing ones, and uses the subgraph again once it is back', async () => {
    const quality = hub.subgraph('quality');
    const port = quality.port;
    await quality.close();

    const degraded = await hub.query<{ product: Record<string, unknown> }>('market-regulator', QUERY);
    expect(degraded.status).toBe(200);
    expect(degraded.body.data!.product).toEqual({ name: '阿托伐他汀钙片', manufacturer: { name: '岭南制药股份有限公司（示例）' }, inspections: null });
    expect(errorCodes(degraded)).toEqual(['INTERNAL_SERVER_ERROR']);
    const error = degraded.body.errors![0];
    expect(error.extensions).toMatchObject({ requestId: expect.any(String), errorId: expect.any(String) });
    expect(JSON.stringify(error)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|quality/);

    // Back on the same address: the gateway uses it again, no restart.
    const restarted = await startSubgraph(SUBGRAPH_DEFINITIONS.quality, {
      databaseUrl: hub.db.url, port, host: '127.0.0.1', verifier: new TokenVerifier(TEST_JWT), log: testLogger(), production: false, migrate: false, demoData: false,
    });
    try {
      const healed = await hub.query<{ product: { inspections: unknown[] } }>('market-regulator', QUERY);
      expect(healed.body.errors).toBeUndefined();
      expect(healed.body.data!.product.inspections).toHaveLength(2);
    } finally {
      await restarted.close();
    }
  });
});

describe('shutdown', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ gateway: false, events: false });
  });
  afterAll(() => hub.close());

  it('drains a request in flight before closing, and refuses new connections meanwhile', async () => {
    const { Client } = await import('pg');
    const { personaToken } = await import('../support/tokens');
    const { postGraphQL } = await import('../support/graphql-client');
    const locker = new Client({ connectionString: hub.db.url });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE procurement.product IN ACCESS EXCLUSIVE MODE');
    const procurement = hub.subgraph('procurement');
    const inFlight = postGraphQL(procurement.url, { query: '{ products { nodes { id } } }' }, { token: await personaToken('hospital') });
    await new Promise((r) => setTimeout(r, 200)); // the request is now waiting on the lock
    const closing = procurement.close();
    await new Promise((r) => setTimeout(r, 200));
    await expect(fetch(procurement.url.replace('/graphql', '/health'))).rejects.toThrow();
    await locker.query('ROLLBACK');
    await locker.end();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    await closing;
  });
});
