import { Role } from '../../subgraphs/shared/auth/identity';
import { DEMO } from '../../subgraphs/shared/demo/ids';
import { judgeClaims } from '../../gateway/organisation-register';
import { errorCodes } from '../support/graphql-client';
import { startTestHub, TestHub } from '../support/hub';
import { tokenFor } from '../support/tokens';

const PRODUCTS = '{ products { nodes { id } } }';
const I = DEMO.institutions;
const E = DEMO.enterprises;

describe('a token is only as good as the organisation it names', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub.close());

  async function expectRefused(identity: Parameters<typeof tokenFor>[0], reason: RegExp) {
    const response = await hub.query({ token: await tokenFor(identity) }, PRODUCTS);
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.body.data ?? null).toBeNull();
    expect(response.body.errors![0].message).toMatch(reason);
  }

  it('admits registered organisations in the role and region they are registered with', async () => {
    for (const identity of [
      { subject: 'h', role: Role.INSTITUTION, region: '440203', org: I.shaoguanHospital },
      { subject: 'm', role: Role.MANUFACTURER, region: '440100', org: E.lingnanPharma },
      { subject: 'd', role: Role.DISTRIBUTOR, region: '440200', org: E.yuebeiDistribution },
    ]) {
      const response = await hub.query({ token: await tokenFor(identity) }, PRODUCTS);
      expect(response.body.errors).toBeUndefined();
    }
  });

  it('refuses an institution token for an organisation the hub does not know', async () => {
    await expectRefused({ subject: 'x', role: Role.INSTITUTION, region: '440203', org: '00000000-0000-4000-8000-00000000beef' }, /not registered/);
  });

  it('refuses an enterprise token for an organisation the hub does not know', async () => {
    await expectRefused({ subject: 'x', role: Role.MANUFACTURER, region: '440100', org: '00000000-0000-4000-8000-00000000cafe' }, /not registered/);
  });

  it('refuses a token whose region is not the organisation’s, rather than widen or move its scope', async () => {
    await expectRefused({ subject: 'x', role: Role.INSTITUTION, region: '440000', org: I.shaoguanHospital }, /region/);
  });

  it('refuses a distributor token for an enterprise registered only as a manufacturer', async () => {
    await expectRefused({ subject: 'x', role: Role.DISTRIBUTOR, region: '440100', org: E.lingnanPharma }, /not registered as a distributor/);
  });

  it('refuses an institution token naming an enterprise', async () => {
    await expectRefused({ subject: 'x', role: Role.INSTITUTION, region: '440100', org: E.lingnanPharma }, /not registered/);
  });

  it('keeps admitting a confirmed organisation while its register is briefly unreachable, and no one else', async () => {
    const known = await tokenFor({ subject: 'h', role: Role.INSTITUTION, region: '341702', org: I.guichiHospital });
    expect((await hub.query({ token: known }, PRODUCTS)).body.errors).toBeUndefined();
    await hub.subgraph('procurement').close();
    const stillKnown = await hub.query({ token: known }, '{ enterprises(page: { first: 1 }) { nodes { id } } }');
    expect(stillKnown.body.errors).toBeUndefined();
    const unknown = await hub.query(
      { token: await tokenFor({ subject: 'y', role: Role.INSTITUTION, region: '341702', org: I.guichiTownship }) },
      '{ enterprises(page: { first: 1 }) { nodes { id } } }',
    );
    expect(unknown.body.data ?? null).toBeNull();
    expect(unknown.status).toBe(500);
    expect(errorCodes(unknown)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(JSON.stringify(unknown.body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|stack/);
  });
});

describe('judging claims against the register', () => {
  const institution = { subject: 's', role: Role.INSTITUTION, region: '440203', org: I.shaoguanHospital };
  it('admits matching claims and names the first disagreement otherwise', () => {
    expect(judgeClaims(institution, { regionCode: '440203' })).toEqual({ admitted: true });
    expect(judgeClaims(institution, null)).toMatchObject({ admitted: false, reason: expect.stringMatching(/not registered/) });
    expect(judgeClaims(institution, { regionCode: '440200' })).toMatchObject({ admitted: false });
    const manufacturer = { subject: 's', role: Role.MANUFACTURER, region: '440100', org: E.lingnanPharma };
    expect(judgeClaims(manufacturer, { regionCode: '440100', isManufacturer: true, isDistributor: false, status: 'ACTIVE' })).toEqual({ admitted: true });
    expect(judgeClaims(manufacturer, { regionCode: '440100', isManufacturer: true, isDistributor: false, status: 'DEREGISTERED' })).toMatchObject({ admitted: false });
  });
});
