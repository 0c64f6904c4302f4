import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { TokenVerifier } from '../../subgraphs/shared/auth/tokens';

/** RS256 verification against a JSON Web Key Set, as with a production identity provider. */
describe('tokens verified through JWKS_URL (RS256)', () => {
  let server: Server;
  let verifier: TokenVerifier;
  let privateKey: CryptoKey;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey as CryptoKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    verifier = new TokenVerifier({ kind: 'jwks', jwksUrl: `http://127.0.0.1:${port}/jwks.json`, issuer: 'idp', audience: 'vbp-hub' });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const claims = { role: 'REGULATOR', department: 'COMMERCE', region: '500000' };

  it('accepts a token signed by the provider’s key', async () => {
    const token = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject('u1').setIssuer('idp').setAudience('vbp-hub').setExpirationTime('5m').sign(privateKey);
    await expect(verifier.verify(token)).resolves.toEqual({ subject: 'u1', role: 'REGULATOR', department: 'COMMERCE', region: '500000', org: undefined });
  });

  it('refuses an HS256 token even if its secret were known: the algorithm is pinned', async () => {
    const token = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('u1').setIssuer('idp').setAudience('vbp-hub').setExpirationTime('5m').sign(new TextEncoder().encode('x'.repeat(40)));
    await expect(verifier.verify(token)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a token signed by another key', async () => {
    const other = await generateKeyPair('RS256');
    const token = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject('u1').setIssuer('idp').setAudience('vbp-hub').setExpirationTime('5m').sign(other.privateKey);
    await expect(verifier.verify(token)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});
