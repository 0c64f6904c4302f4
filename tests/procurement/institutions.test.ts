import { DEMO } from '../../subgraphs/shared/demo/ids';
import { errorCodes, postGraphQL } from '../support/graphql-client';
import { startTestHub, TestHub } from '../support/hub';
import { personaToken, tokenFor } from '../support/tokens';

const I = DEMO.institutions;
const LIST = '{ institutions(page: { first: 100 }) { nodes { id name regionCode type } } }';

describe('institutions, scoped by who asks', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub.close());

  async function visibleTo(token: string, regionCode?: string): Promise<string[]> {
    const response = await hub.query<{ institutions: { nodes: Array<{ id: string }> } }>(
      { token },
      'query ($r: String) { institutions(regionCode: $r, page: { first: 100 }) { nodes { id } } }',
      { r: regionCode },
    );
    expect(response.body.errors).toBeUndefined();
    return response.body.data!.institutions.nodes.map((n) => n.id).sort();
  }

  it('shows a provincial regulator every institution of its province and none elsewhere', async () => {
    expect(await visibleTo(await personaToken('insurance-regulator'))).toEqual([I.shaoguanHospital, I.shaoguanTownship].sort());
  });

  it('shows a district regulator its district only, and narrows further by region', async () => {
    const guichi = await tokenFor({ subject: 't', role: 'REGULATOR', department: 'HEALTH_COMMISSION', region: '341702' });
    expect(await visibleTo(guichi)).toEqual([I.guichiHospital, I.guichiTownship].sort());
    const national = await tokenFor({ subject: 't', role: 'REGULATOR', department: 'MEDICAL_INSURANCE', region: '000000' });
    expect(await visibleTo(national, '140000')).toEqual([I.lvliangHospital, I.lvliangVillageClinic].sort());
  });

  it('never widens a regulator’s scope through the region filter', async () => {
    expect(await visibleTo(await personaToken('insurance-regulator'), '500000')).toEqual([]);
  });

  it('shows a hospital itself and, as the lead unit of its medical community (P-06), its members; a member only itself', async () => {
    expect(await visibleTo(await personaToken('hospital'))).toEqual([I.shaoguanHospital, I.shaoguanTownship].sort());
    expect(await visibleTo(await tokenFor({ subject: 't', role: 'INSTITUTION', region: '440203', org: I.shaoguanTownship }))).toEqual([I.shaoguanTownship]);
    expect(await visibleTo(await tokenFor({ subject: 't', role: 'INSTITUTION', region: '500103', org: I.chongqingHospital }))).toEqual([I.chongqingHospital]);
  });

  it('answers another institution’s id exactly as a missing one (no existence leak)', async () => {
    const other = await hub.query('hospital', `{ institution(id: "${I.guichiHospital}") { id } }`);
    const missing = await hub.query('hospital', '{ institution(id: "00000000-0000-4000-8000-000000000001") { id } }');
    expect(errorCodes(other)).toEqual(['NOT_FOUND']);
    expect(errorCodes(missing)).toEqual(['NOT_FOUND']);
    expect(other.body.errors![0].message.replace(I.guichiHospital, 'ID')).toBe(missing.body.errors![0].message.replace('00000000-0000-4000-8000-000000000001', 'ID'));
  });

  it('refuses enterprises the institution directory', async () => {
    const response = await hub.query('manufacturer', LIST);
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.body.data ?? null).toBeNull();
  });

  it('resolves an Institution reference (_entities) through the same scope: unseen is null', async () => {
    const query = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Institution { id name } } }`;
    const reps = [I.shaoguanHospital, I.guichiHospital].map((id) => ({ __typename: 'Institution', id }));
    const response = await postGraphQL<{ _entities: Array<{ id: string } | null> }>(
      hub.subgraphUrl('procurement'),
      { query, variables: { reps } },
      { token: await personaToken('hospital') },
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!._entities).toEqual([{ id: I.shaoguanHospital, name: '韶关市武江区人民医院（示例）' }, null]);
  });
});
