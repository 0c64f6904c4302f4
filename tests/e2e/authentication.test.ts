import { SignJWT } from 'jose';
import { Role } from '../../subgraphs/shared/auth/identity';
import { signDevelopmentToken } from '../../subgraphs/shared/auth/tokens';
import { DEMO } from '../../subgraphs/shared/demo/ids';
import { errorCodes, postGraphQL } from '../support/graphql-client';
import { startTestHub, TestHub } from '../support/hub';
import { TEST_JWT } from '../support/test-environment';
import { personaToken, tokenFor } from '../support/tokens';

const PRODUCTS = '{ products { nodes { id name } } }';

/** Signs arbitrary claims with the test secret, to forge tokens the issuer would never mint. */
function signRaw(claims: Record<string, unknown>, options: { secret?: string; expiresIn?: string | number; issuer?: string } = {}) {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuer(options.issuer ?? TEST_JWT.issuer).setAudience(TEST_JWT.audience).setIssuedAt();
  if (options.expiresIn !== undefined) jwt.setExpirationTime(options.expiresIn);
  return jwt.sign(new TextEncoder().encode(options.secret ?? TEST_JWT.secret));
}

describe('authentication at the gateway', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub.close());

  async function expectUnauthenticated(token: string | undefined, message?: RegExp) {
    const response = await hub.query({ token }, PRODUCTS);
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.body.data ?? null).toBeNull();
    if (message) expect(response.body.errors![0].message).toMatch(message);
    expect(JSON.stringify(response.body)).not.toMatch(/stack|at .*\.js/);
  }

  it('answers a caller with a valid token', async () => {
    const response = await hub.query('hospital', PRODUCTS);
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
  });

  it('refuses a request without a token', () => expectUnauthenticated(undefined, /bearer token/i));

  it('refuses a token signed with another secret', async () => {
    const forged = await signRaw({ sub: 'x', role: 'REGULATOR', department: 'FINANCE', region: '440000' }, { secret: 'another-secret-0123456789-0123456789', expiresIn: '5m' });
    await expectUnauthenticated(forged, /not valid/);
  });

  it('refuses an expired token', async () => {
    const expired = await signRaw({ sub: 'x', role: 'REGULATOR', department: 'FINANCE', region: '440000' }, { expiresIn: Math.floor(Date.now() / 1000) - 60 });
    await expectUnauthenticated(expired, /expired/);
  });

  it('refuses a token that never expires', async () => {
    await expectUnauthenticated(await signRaw({ sub: 'x', role: 'REGULATOR', department: 'FINANCE', region: '440000' }), /expire/);
  });

  it('refuses a token from another issuer', async () => {
    await expectUnauthenticated(await signRaw({ sub: 'x', role: 'REGULATOR', department: 'FINANCE', region: '440000' }, { issuer: 'elsewhere', expiresIn: '5m' }));
  });

  it('refuses a malformed Authorization header', async () => {
    const response = await postGraphQL(hub.gatewayUrl, { query: PRODUCTS }, { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it.each([
    ['an institution token with a department', { sub: 'x', role: 'INSTITUTION', department: 'FINANCE', region: '440203', org: DEMO.institutions.shaoguanHospital }],
    ['a regulator without a region', { sub: 'x', role: 'REGULATOR', department: 'FINANCE' }],
    ['a regulator without a department', { sub: 'x', role: 'REGULATOR', region: '440000' }],
    ['a regulator with an organisation', { sub: 'x', role: 'REGULATOR', department: 'FINANCE', region: '440000', org: DEMO.institutions.shaoguanHospital }],
    ['a manufacturer without an organisation', { sub: 'x', role: 'MANUFACTURER', region: '440100' }],
    ['an unknown role', { sub: 'x', role: 'ADMIN', region: '440000' }],
    ['a malformed region', { sub: 'x', role: 'REGULATOR', department: 'FINANCE', region: '44' }],
    ['an extra claim', { sub: 'x', role: 'REGULATOR', department: 'FINANCE', region: '440000', scope: 'all' }],
  ])('refuses %s rather than guess its scope', async (_case, claims) => {
    await expectUnauthenticated(await signRaw(claims, { expiresIn: '5m' }), /claims/);
  });

  it('refuses the gateway’s own service token from a client', async () => {
    await expectUnauthenticated(await tokenFor({ subject: 'gateway', role: Role.SERVICE }));
  });

  it('stays up after all of that', async () => {
    expect((await hub.query('hospital', PRODUCTS)).status).toBe(200);
  });
});

describe('a subgraph called directly, not through the gateway', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ gateway: false });
  });
  afterAll(() => hub.close());

  const ENTITIES = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Product { id name } } }`;
  const reps = [{ __typename: 'Product', id: DEMO.products.atorvastatinLingnan }];

  it('refuses _service without a token', async () => {
    const response = await postGraphQL(hub.subgraphUrl('procurement'), { query: '{ _service { sdl } }' });
    expect(errorCodes(response)).toContain('UNAUTHENTICATED');
    expect(JSON.stringify(response.body.data ?? {})).not.toMatch(/type Product/);
  });

  it('refuses _entities without a token', async () => {
    const response = await postGraphQL(hub.subgraphUrl('procurement'), { query: ENTITIES, variables: { reps } });
    expect(errorCodes(response)).toContain('UNAUTHENTICATED');
    expect(response.body.data?._entities ?? null).toBeNull();
  });

  it('refuses a forged token itself, whoever forwarded it', async () => {
    const forged = await signRaw({ sub: 'x', role: 'REGULATOR', department: 'FINANCE', region: '440000' }, { secret: 'another-secret-0123456789-0123456789', expiresIn: '5m' });
    const response = await postGraphQL(hub.subgraphUrl('insurance'), { query: '{ paymentStandards { nodes { id } } }' }, { token: forged });
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it('lets the gateway’s service token read _service and nothing else', async () => {
    const service = await tokenFor({ subject: 'gateway', role: Role.SERVICE });
    const sdl = await postGraphQL<{ _service: { sdl: string } }>(hub.subgraphUrl('procurement'), { query: '{ _service { sdl } }' }, { token: service });
    expect(sdl.body.data!._service.sdl).toMatch(/type Product/);
    const entities = await postGraphQL(hub.subgraphUrl('procurement'), { query: ENTITIES, variables: { reps } }, { token: service });
    expect(errorCodes(entities)).toEqual(['FORBIDDEN']);
    const products = await postGraphQL(hub.subgraphUrl('procurement'), { query: PRODUCTS }, { token: service });
    expect(errorCodes(products)).toEqual(['FORBIDDEN']);
  });

  it('serves a persona with a valid token', async () => {
    const response = await postGraphQL<{ _entities: Array<{ name: string }> }>(
      hub.subgraphUrl('procurement'),
      { query: ENTITIES, variables: { reps } },
      { token: await personaToken('manufacturer') },
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!._entities).toEqual([{ id: DEMO.products.atorvastatinLingnan, name: '阿托伐他汀钙片' }]);
  });

  it('accepts what the token command mints', async () => {
    const token = await signDevelopmentToken({ subject: 'cli', role: Role.REGULATOR, department: 'MEDICAL_INSURANCE', region: '440000' }, TEST_JWT);
    const response = await postGraphQL(hub.subgraphUrl('insurance'), { query: '{ paymentStandards { nodes { id } } }' }, { token });
    expect(response.body.errors).toBeUndefined();
  });
});
