import { DEMO } from '../../subgraphs/shared/demo/ids';
import { errorCodes } from '../support/graphql-client';
import { startTestHub, TestHub } from '../support/hub';
import { PersonaName } from '../support/tokens';

const LIST = '{ inspections(page: { first: 100 }) { nodes { batchNumber regionCode result } } }';

describe('inspections (Q-01), scoped by who asks', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub.close());

  async function batches(persona: PersonaName): Promise<string[]> {
    const response = await hub.query<{ inspections: { nodes: Array<{ batchNumber: string }> } }>(persona, LIST);
    expect(response.body.errors).toBeUndefined();
    return response.body.data!.inspections.nodes.map((n) => n.batchNumber).sort();
  }

  it('shows a provincial market regulator the samples taken in its province', async () => {
    expect(await batches('market-regulator')).toEqual(['HY2026A017', 'LN20260301', 'LN20260301']);
  });

  it('shows a manufacturer the inspections of its own products only', async () => {
    expect(await batches('manufacturer')).toEqual(['LN20260301', 'LN20260301']);
  });

  it('shows a distributor and a hospital the samples taken on their premises', async () => {
    expect(await batches('distributor')).toEqual(['HY2026A017']);
    expect(await batches('hospital')).toEqual(['LN20260301']);
  });

  it('refuses departments that do not supervise quality (Q-01 is market regulation and health)', async () => {
    for (const persona of ['insurance-regulator', 'finance-regulator', 'commerce-regulator'] as const) {
      const response = await hub.query(persona, LIST);
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    }
  });

  it('keeps the rest of a cross-subgraph answer when one nested field is refused', async () => {
    const response = await hub.query<{ product: { name: string; inspections: unknown } }>(
      'insurance-regulator',
      `{ product(id: "${DEMO.products.atorvastatinLingnan}") { name paymentStandard(regionCode: "440000") { amount } inspections { result } } }`,
    );
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.body.errors![0].path).toEqual(['product', 'inspections']);
    expect(response.body.data!.product).toEqual({ name: '阿托伐他汀钙片', paymentStandard: { amount: '0.12' }, inspections: null });
  });
});
