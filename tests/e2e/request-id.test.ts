import { startTestHub, TestHub } from '../support/hub';
import { personaToken } from '../support/tokens';

describe('request ids in the logs', () => {
  const lines: string[] = [];
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ logLines: lines });
  });
  afterAll(() => hub.close());

  it('carries the request id from the gateway to every subgraph the query touches, and never logs the token', async () => {
    const token = await personaToken('market-regulator');
    const response = await fetch(hub.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': 'req-trace-42-abcdef' },
      body: JSON.stringify({ query: '{ products { nodes { manufacturer { name } paymentStandard(regionCode: "440000") { amount } inspections { result } } } }' }),
    });
    expect(response.status).toBe(200);
    const services = lines
      .map((line) => JSON.parse(line))
      .filter((entry) => entry.requestId === 'req-trace-42-abcdef' && entry.msg === 'operation')
      .map((entry) => entry.service);
    expect(new Set(services)).toEqual(new Set(['procurement', 'distribution', 'insurance', 'quality']));
    expect(lines.join('\n')).not.toContain(token);
  });
});
