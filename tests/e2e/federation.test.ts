import { DEMO } from '../../subgraphs/shared/demo/ids';
import { startTestHub, TestHub } from '../support/hub';

describe('federation through the gateway', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub.close());

  it('answers one query that touches all four subgraphs', async () => {
    const response = await hub.query<{ product: Record<string, any> }>(
      'market-regulator',
      `query ($id: ID!) {
        product(id: $id) {
          name specification passedConsistencyEvaluation
          manufacturer { name creditCode isManufacturer }
          paymentStandard(regionCode: "440203", on: "2026-06-01") { amount rule regionCode }
          inspections(last: 5) { batchNumber samplingStage result }
        }
      }`,
      { id: DEMO.products.atorvastatinLingnan },
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.product).toEqual({
      name: '阿托伐他汀钙片',
      specification: '20mg',
      passedConsistencyEvaluation: true,
      // distribution
      manufacturer: { name: '岭南制药股份有限公司（示例）', creditCode: '91440100MA5CLN0012', isManufacturer: true },
      // insurance: no Shaoguan standard of its own, so Guangdong's (440000) applies
      paymentStandard: { amount: '0.124', rule: 'I-01', regionCode: '440000' },
      // quality: newest first
      inspections: [
        { batchNumber: 'LN20260301', samplingStage: 'USE', result: 'PASSED' },
        { batchNumber: 'LN20260301', samplingStage: 'PRODUCTION', result: 'PASSED' },
      ],
    });
  });

  it('resolves a list of products with their manufacturers in one page', async () => {
    const response = await hub.query<{ products: { nodes: Array<{ id: string; manufacturer: { name: string } }> } }>(
      'hospital',
      `{ products(page: { first: 100 }) { nodes { id manufacturer { name } } pageInfo { hasNextPage } } }`,
    );
    expect(response.body.errors).toBeUndefined();
    const nodes = response.body.data!.products.nodes;
    expect(nodes).toHaveLength(Object.keys(DEMO.products).length);
    expect(nodes.every((n) => n.manufacturer.name.length > 0)).toBe(true);
  });

  it('returns the request id it was given, and makes one up otherwise', async () => {
    const token = await (await import('../support/tokens')).personaToken('hospital');
    const given = await fetch(hub.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': 'trace-0123456789' },
      body: JSON.stringify({ query: '{ products { nodes { id } } }' }),
    });
    expect(given.headers.get('x-request-id')).toBe('trace-0123456789');
    const minted = await fetch(hub.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ products { nodes { id } } }' }),
    });
    expect(minted.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
