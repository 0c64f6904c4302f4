import { DEMO } from '../../subgraphs/shared/demo/ids';
import { errorCodes } from '../support/graphql-client';
import { startTestHub, TestHub } from '../support/hub';
import { tokenFor } from '../support/tokens';

const P = DEMO.products;
const PLACE = `mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }`;

describe('non-winning purchases of a generic name (P-09)', () => {
  let hub: TestHub;
  let chongqing: string;
  beforeAll(async () => {
    hub = await startTestHub({ events: false });
    chongqing = await tokenFor({ subject: 'yuzhong', role: 'INSTITUTION', region: '500103', org: DEMO.institutions.chongqingHospital });
  });
  afterAll(() => hub.close());

  const order = (token: string, lines: Array<[string, number, string]>) =>
    hub.query<{ placeOrder: { id: string } }>({ token }, PLACE, {
      input: { distributorId: DEMO.enterprises.jintongPharma, lines: lines.map(([productId, quantity, unitPrice]) => ({ productId, quantity, unitPrice })) },
    });
  const orderCount = async () => Number((await hub.db.query<{ n: string }>('SELECT count(*)::text AS n FROM procurement.purchase_order'))[0].n);

  it('P-09 refuses non-winning atorvastatin in Chongqing before any winning one was bought, and writes nothing', async () => {
    const before = await orderCount();
    const response = await order(chongqing, [[P.atorvastatinHuayue, 100, '0.13']]);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors![0].message).toMatch(/^P-09/);
    expect(await orderCount()).toBe(before);
  });

  it('P-09 allows non-winning quantity up to the 60% share’s ratio (2 for every 3 winning) in the contract year, and not one unit more', async () => {
    expect((await order(chongqing, [[P.atorvastatinLingnan, 300, '0.12']])).body.errors).toBeUndefined();
    expect((await order(chongqing, [[P.atorvastatinHuayue, 200, '0.13']])).body.errors).toBeUndefined();
    const over = await order(chongqing, [[P.atorvastatinHuayue, 1, '0.13']]);
    expect(errorCodes(over)).toEqual(['BAD_USER_INPUT']);
    expect(over.body.errors![0].message).toMatch(/^P-09/);
    // Winning and non-winning lines of one order count together.
    expect((await order(chongqing, [[P.atorvastatinLingnan, 30, '0.12'], [P.atorvastatinHuayue, 20, '0.13']])).body.errors).toBeUndefined();
  });

  it('P-09 binds only where the policy names a winning share to convert by (Guangdong names none)', async () => {
    const response = await hub.query('hospital', PLACE, { input: { distributorId: DEMO.enterprises.yuebeiDistribution, lines: [{ productId: P.atorvastatinHuayue, quantity: 100000, unitPrice: '0.13' }] } });
    expect(response.body.errors).toBeUndefined();
  });
});
