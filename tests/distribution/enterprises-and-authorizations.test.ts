import { randomUUID } from 'node:crypto';
import { creditCodeCheckCharacter } from '../../subgraphs/shared/credit-code';
import { createDataSource } from '../../subgraphs/shared/db/data-source';
import { DEMO_WINNING_PRODUCTS } from '../../subgraphs/shared/demo/awards';
import { DEMO } from '../../subgraphs/shared/demo/ids';
import type { EnterpriseBannedV1 } from '../../subgraphs/shared/events/contracts';
import { recordEvent } from '../../subgraphs/shared/events/outbox';
import { daysAgo } from '../../subgraphs/shared/demo/orders';
import { eventually } from '../support/eventually';
import { ok } from '../support/flow';
import { errorCodes } from '../support/graphql-client';
import { startTestHub, TestHub } from '../support/hub';
import { tokenFor } from '../support/tokens';

const { enterprises: E, products: P, institutions: I } = DEMO;
const winner = (productId: string) => DEMO_WINNING_PRODUCTS.find((w) => w.productId === productId)!.id;

const REGISTER = `mutation ($input: RegisterEnterpriseInput!) { registerEnterprise(input: $input) { id name creditCode isManufacturer isDistributor regionCode status } }`;
const AUTHORIZE = `mutation ($input: AuthorizeDistributorInput!) { authorizeDistributor(input: $input) { id status poolingRegionCode coverageRegionCodes distributor { name } manufacturer { name } } }`;
const REVOKE = `mutation ($input: RevokeDistributorAuthorizationInput!) { revokeDistributorAuthorization(input: $input) { id status revokedAt } }`;
const UNCOVERED = `query ($w: ID!, $r: String!) { uncoveredInstitutions(winningProductId: $w, regionCode: $r) { nodes { institutionId institutionName regionCode agreedQuantity } } }`;

/** A well-formed credit code of `region` whose organisation part is unique to this run. */
function creditCode(region: string, seed: number): string {
  const first17 = `91${region}MA${String(seed).padStart(7, '0')}`;
  return first17 + creditCodeCheckCharacter(first17);
}

const nationalMarketRegulator = () => tokenFor({ subject: 't-national-market', role: 'REGULATOR', department: 'MARKET_REGULATION', region: '000000' });
const huayue = () => tokenFor({ subject: 't-huayue', role: 'MANUFACTURER', region: '140100', org: E.huayuePharma });
const jintong = () => tokenFor({ subject: 't-jintong', role: 'MANUFACTURER', region: '141100', org: E.jintongPharma });

async function count(hub: TestHub, sql: string, params: unknown[] = []): Promise<number> {
  const [{ n }] = await hub.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params);
  return n;
}

describe('distribution enterprises (D-01) and distributor authorisations (D-02, G-07, G-08)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub.close());

  describe('registerEnterprise', () => {
    it('D-01 a market regulator registers an enterprise of its region and announces it', async () => {
      const code = creditCode('440300', 1);
      const { registerEnterprise } = ok(
        await hub.query<{ registerEnterprise: Record<string, unknown> }>('market-regulator', REGISTER, {
          input: { name: '深圳示例医药物流有限公司', creditCode: code, roles: ['DISTRIBUTOR'], regionCode: '440300' },
        }),
      );
      expect(registerEnterprise).toMatchObject({ creditCode: code, isManufacturer: false, isDistributor: true, regionCode: '440300', status: 'ACTIVE' });
      const [event] = await hub.db.query<{ payload: Record<string, unknown> }>(`SELECT payload FROM distribution.outbox_event WHERE type = 'EnterpriseRegistered' AND key = $1`, [registerEnterprise.id]);
      expect(event.payload).toMatchObject({ enterpriseId: registerEnterprise.id, creditCode: code, isDistributor: true, regionCode: '440300' });
    });

    it('D-01 refuses a credit code whose check character is wrong: BAD_USER_INPUT naming D-01, nothing written', async () => {
      const valid = creditCode('440300', 2);
      const wrong = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
      const before = await count(hub, 'distribution.enterprise');
      const events = await count(hub, 'distribution.outbox_event');
      const response = await hub.query('market-regulator', REGISTER, { input: { name: '深圳示例制药有限公司', creditCode: wrong, roles: ['MANUFACTURER'], regionCode: '440300' } });
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.body.errors![0].message).toMatch(/^D-01/);
      expect(await count(hub, 'distribution.enterprise')).toBe(before);
      expect(await count(hub, 'distribution.outbox_event')).toBe(events);
    });

    it('D-01 only market regulation of the region registers: other departments, other regions and enterprises are FORBIDDEN', async () => {
      const input = { name: '重庆示例医药有限公司', creditCode: creditCode('500000', 3), roles: ['DISTRIBUTOR'], regionCode: '500000' };
      const before = await count(hub, 'distribution.enterprise');
      for (const who of ['commerce-regulator', 'market-regulator', 'manufacturer', 'hospital'] as const) {
        expect(errorCodes(await hub.query(who, REGISTER, { input }))).toEqual(['FORBIDDEN']);
      }
      expect(await count(hub, 'distribution.enterprise')).toBe(before);
    });

    it('D-01 a credit code already registered is a CONFLICT', async () => {
      const [{ credit_code }] = await hub.db.query<{ credit_code: string }>('SELECT credit_code FROM distribution.enterprise WHERE id = $1', [E.yuebeiDistribution]);
      const response = await hub.query('market-regulator', REGISTER, { input: { name: '粤北另一医药有限公司', creditCode: credit_code, roles: ['DISTRIBUTOR'], regionCode: '440200' } });
      expect(errorCodes(response)).toEqual(['CONFLICT']);
    });
  });

  describe('authorizeDistributor', () => {
    it('D-02 the manufacturer authorises a distributor; the distributor and regulators of the area see it, other enterprises do not', async () => {
      const { authorizeDistributor } = ok(
        await hub.query<{ authorizeDistributor: { id: string; status: string; coverageRegionCodes: string[] } }>('manufacturer', AUTHORIZE, {
          input: { winningProductId: winner(P.atorvastatinLingnan), distributorId: E.jianghuaiLogistics, poolingRegionCode: '340000', coverageRegionCodes: ['341700'] },
        }),
      );
      expect(authorizeDistributor).toMatchObject({ status: 'ACTIVE', coverageRegionCodes: ['341700'] });
      const jianghuai = { token: await tokenFor({ subject: 't-jh', role: 'DISTRIBUTOR', region: '340100', org: E.jianghuaiLogistics }) };
      const list = `{ distributorAuthorizations { nodes { id } } }`;
      const ids = async (who: Parameters<TestHub['query']>[0]) => ok(await hub.query<{ distributorAuthorizations: { nodes: Array<{ id: string }> } }>(who, list)).distributorAuthorizations.nodes.map((n) => n.id);
      expect(await ids(jianghuai)).toContain(authorizeDistributor.id);
      expect(await ids('manufacturer')).toContain(authorizeDistributor.id);
      expect(await ids('distributor')).not.toContain(authorizeDistributor.id);
      expect(await ids({ token: await huayue() })).not.toContain(authorizeDistributor.id);
      expect(await ids('market-regulator')).not.toContain(authorizeDistributor.id);
      const guichiMarket = { token: await tokenFor({ subject: 't-gc-market', role: 'REGULATOR', department: 'MARKET_REGULATION', region: '341702' }) };
      expect(await ids(guichiMarket)).toContain(authorizeDistributor.id);
      expect(errorCodes(await hub.query('finance-regulator', list))).toEqual(['FORBIDDEN']);
    });

    it('D-02 no authority or institution designates distributors: regulators, institutions and distributors are FORBIDDEN, nothing written', async () => {
      const input = { winningProductId: winner(P.atorvastatinLingnan), distributorId: E.yuebeiDistribution, poolingRegionCode: '500000' };
      const before = await count(hub, 'distribution.distributor_authorization');
      for (const who of ['market-regulator', 'insurance-regulator', 'commerce-regulator', 'hospital', 'distributor'] as const) {
        expect(errorCodes(await hub.query(who, AUTHORIZE, { input }))).toEqual(['FORBIDDEN']);
      }
      expect(await count(hub, 'distribution.distributor_authorization')).toBe(before);
    });

    it('D-02 a manufacturer authorising for another manufacturer’s winning product gets NOT_FOUND, exactly like a missing one; nothing written', async () => {
      const before = await count(hub, 'distribution.distributor_authorization');
      const other = await hub.query('manufacturer', AUTHORIZE, { input: { winningProductId: winner(P.amlodipineHuayue), distributorId: E.jianghuaiLogistics, poolingRegionCode: '340000' } });
      const missing = await hub.query('manufacturer', AUTHORIZE, { input: { winningProductId: randomUUID(), distributorId: E.jianghuaiLogistics, poolingRegionCode: '340000' } });
      expect(errorCodes(other)).toEqual(['NOT_FOUND']);
      expect(errorCodes(missing)).toEqual(['NOT_FOUND']);
      expect(other.body.errors![0].message.replace(/[0-9a-f-]{36}/, 'ID')).toBe(missing.body.errors![0].message.replace(/[0-9a-f-]{36}/, 'ID'));
      expect(await count(hub, 'distribution.distributor_authorization')).toBe(before);
    });

    it('D-02 refuses a non-distributor, an area outside the pooling region and a region the batch does not cover (BAD_USER_INPUT, nothing written)', async () => {
      const before = await count(hub, 'distribution.distributor_authorization');
      const cases = [
        { winningProductId: winner(P.atorvastatinLingnan), distributorId: E.huayuePharma, poolingRegionCode: '340000' },
        { winningProductId: winner(P.atorvastatinLingnan), distributorId: E.jianghuaiLogistics, poolingRegionCode: '340000', coverageRegionCodes: ['440200'] },
      ];
      for (const input of cases) expect(errorCodes(await hub.query('manufacturer', AUTHORIZE, { input }))).toEqual(['BAD_USER_INPUT']);
      const bayu = { token: await tokenFor({ subject: 't-bayu', role: 'MANUFACTURER', region: '500000', org: E.bayuMedical }) };
      expect(errorCodes(await hub.query(bayu, AUTHORIZE, { input: { winningProductId: winner(P.stentBayu), distributorId: E.jianghuaiLogistics, poolingRegionCode: '340000' } }))).toEqual(['BAD_USER_INPUT']);
      expect(await count(hub, 'distribution.distributor_authorization')).toBe(before);
    });

    it('G-07 caps distributors per winning drug and pooling region at the policy’s 5, even when authorisations race', async () => {
      const regulator = { token: await nationalMarketRegulator() };
      const distributors: string[] = [];
      for (let i = 0; i < 6; i += 1) {
        const { registerEnterprise } = ok(
          await hub.query<{ registerEnterprise: { id: string } }>(regulator, REGISTER, {
            input: { name: `吕梁示例医药配送有限公司${i}`, creditCode: creditCode('141100', 100 + i), roles: ['DISTRIBUTOR'], regionCode: '141100' },
          }),
        );
        distributors.push(registerEnterprise.id);
      }
      // Shanxi already has one: Jintong delivers its own metformin. Six race for the four places left.
      const token = { token: await jintong() };
      const responses = await Promise.all(
        distributors.map((distributorId) => hub.query(token, AUTHORIZE, { input: { winningProductId: winner(P.metforminJintong), distributorId, poolingRegionCode: '140000' } })),
      );
      const codes = responses.map((r) => errorCodes(r)[0] ?? 'OK').sort();
      expect(codes).toEqual(['CONFLICT', 'CONFLICT', 'OK', 'OK', 'OK', 'OK']);
      const refused = responses.find((r) => errorCodes(r)[0] === 'CONFLICT')!;
      expect(refused.body.errors![0].message).toMatch(/^G-07: 140000 allows at most 5 distributors/);
      expect(await count(hub, `distribution.distributor_authorization WHERE winning_product_id = $1 AND pooling_region_code = '140000' AND status = 'ACTIVE'`, [winner(P.metforminJintong)])).toBe(5);
      // The policy is read per region: the Lüliang pool of the same product starts from zero.
      ok(await hub.query(token, AUTHORIZE, { input: { winningProductId: winner(P.metforminJintong), distributorId: distributors[0], poolingRegionCode: '141100' } }));
    });

    it('D-02 revoking frees a place; only the granting manufacturer may revoke (NOT_FOUND for others)', async () => {
      const { distributorAuthorizations } = ok(
        await hub.query<{ distributorAuthorizations: { nodes: Array<{ id: string; version: number }> } }>({ token: await jintong() }, `{ distributorAuthorizations(filter: { regionCode: "140000", status: ACTIVE }) { nodes { id version } } }`),
      );
      const target = distributorAuthorizations.nodes[0];
      expect(errorCodes(await hub.query('manufacturer', REVOKE, { input: { authorizationId: target.id } }))).toEqual(['NOT_FOUND']);
      const { revokeDistributorAuthorization } = ok(await hub.query<{ revokeDistributorAuthorization: { status: string } }>({ token: await jintong() }, REVOKE, { input: { authorizationId: target.id, expectedVersion: target.version } }));
      expect(revokeDistributorAuthorization.status).toBe('REVOKED');
      expect(errorCodes(await hub.query({ token: await jintong() }, REVOKE, { input: { authorizationId: target.id } }))).toEqual(['CONFLICT']);
    });

    it('D-02 lists the participating institutions no authorised distributor covers, and they disappear once one does', async () => {
      const uncovered = async () =>
        ok(await hub.query<{ uncoveredInstitutions: { nodes: Array<{ institutionId: string }> } }>('manufacturer', UNCOVERED, { w: winner(P.atorvastatinLingnan), r: '000000' })).uncoveredInstitutions.nodes.map((n) => n.institutionId);
      // Guichi's two institutions were covered by the 341700 authorisation above; Shaoguan's by Yuebei (demo).
      expect(await uncovered()).toEqual([]);
      const { distributorAuthorizations } = ok(await hub.query<{ distributorAuthorizations: { nodes: Array<{ id: string }> } }>('manufacturer', `{ distributorAuthorizations(filter: { regionCode: "340000" }) { nodes { id } } }`));
      for (const { id } of distributorAuthorizations.nodes) ok(await hub.query('manufacturer', REVOKE, { input: { authorizationId: id } }));
      expect((await uncovered()).sort()).toEqual([I.guichiHospital, I.guichiTownship].sort());
      // A regulator sees only its own region's gaps; another manufacturer's product is NOT_FOUND.
      const guangdong = ok(await hub.query<{ uncoveredInstitutions: { nodes: unknown[] } }>('market-regulator', UNCOVERED, { w: winner(P.atorvastatinLingnan), r: '000000' }));
      expect(guangdong.uncoveredInstitutions.nodes).toEqual([]);
      expect(errorCodes(await hub.query('manufacturer', UNCOVERED, { w: winner(P.amlodipineHuayue), r: '000000' }))).toEqual(['NOT_FOUND']);
    });

    it('G-08/Q-03 a manufacturer banned in a region cannot newly authorise there (quality.EnterpriseBanned.v1), elsewhere it can', async () => {
      const quality = createDataSource({ url: hub.db.url, subgraph: 'quality', entities: [] });
      await quality.initialize();
      try {
        await quality.transaction((tx) =>
          recordEvent<EnterpriseBannedV1>(tx, 'quality', {
            type: 'EnterpriseBanned',
            version: 1,
            key: `${E.huayuePharma}:440000`,
            payload: { banId: randomUUID(), enterpriseId: E.huayuePharma, regionCode: '440000', startsOn: daysAgo(1), endsOn: daysAgo(-729), reason: '拒不支付赔偿（测试）', liftedOn: null },
          }),
        );
      } finally {
        await quality.destroy();
      }
      const token = { token: await huayue() };
      await eventually(async () => expect(await count(hub, 'distribution.enterprise_ban_copy WHERE enterprise_id = $1', [E.huayuePharma])).toBe(1));
      const before = await count(hub, 'distribution.distributor_authorization');
      const banned = await hub.query(token, AUTHORIZE, { input: { winningProductId: winner(P.amlodipineHuayue), distributorId: E.jianghuaiLogistics, poolingRegionCode: '440000' } });
      expect(errorCodes(banned)).toEqual(['FORBIDDEN']);
      expect(banned.body.errors![0].message).toMatch(/^G-08\/Q-03/);
      expect(await count(hub, 'distribution.distributor_authorization')).toBe(before);
      ok(await hub.query(token, AUTHORIZE, { input: { winningProductId: winner(P.amlodipineHuayue), distributorId: E.jianghuaiLogistics, poolingRegionCode: '500000' } }));
    });
  });
});
