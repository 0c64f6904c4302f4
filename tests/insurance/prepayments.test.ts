import { DEMO_AGREED_VOLUMES, DEMO_WINNING_PRODUCTS, demoCycleStart, endAfterYears } from '../../subgraphs/shared/demo/awards';
import { DEMO } from '../../subgraphs/shared/demo/ids';
import { POLICY_DOCUMENTS } from '../../subgraphs/shared/demo/policy-documents';
import type { AgreedVolumeSetV1 } from '../../subgraphs/shared/events/contracts';
import { addDays } from '../../subgraphs/insurance/prepayment/prepayment.policy';
import { decimalText, Money, todayInChina } from '../../subgraphs/shared/graphql/scalars';
import { eventually } from '../support/eventually';
import { CONFIRM_RECEIPT, ok, orderAndShip } from '../support/flow';
import { errorCodes } from '../support/graphql-client';
import { startTestHub, TestHub } from '../support/hub';
import { tokenFor } from '../support/tokens';
import { deliverToInsurance } from './deliver-event';

const P = DEMO.products;
const I = DEMO.institutions;
const cycleStart = demoCycleStart();
const agreedOn = addDays(cycleStart, -15);

function agreedVolume(institutionId: string, productId: string) {
  const winning = DEMO_WINNING_PRODUCTS.find((w) => w.productId === productId)!;
  return { ...DEMO_AGREED_VOLUMES.find((v) => v.institutionId === institutionId && v.winningProductId === winning.id)!, winning };
}
const SG_ATORVASTATIN = agreedVolume(I.shaoguanHospital, P.atorvastatinLingnan);
const SG_AMLODIPINE = agreedVolume(I.shaoguanHospital, P.amlodipineHuayue);
const SG_TOWNSHIP_ATORVASTATIN = agreedVolume(I.shaoguanTownship, P.atorvastatinLingnan);
const GC_METFORMIN = agreedVolume(I.guichiHospital, P.metforminJintong);

const PREPAYMENT_FIELDS = `id status balance agreedQuantity agreedAmount targetAmount dueDate disbursedOn recoveryDueBy version
  policy { share shareRegionCode shareDocument deadlineDays continuesAfterCompletion }
  entries { entryNo kind amount balanceAfter reference entryOn }`;
const LIST = `query ($filter: PrepaymentFilter) { prepayments(filter: $filter, page: { first: 100 }) { nodes { ${PREPAYMENT_FIELDS} institution { id } product { id } } } }`;
const OFFSET = `mutation ($input: RecordClaimOffsetInput!) { recordClaimOffset(input: $input) { ${PREPAYMENT_FIELDS} } }`;
const DISBURSE = `mutation ($input: RecordPrepaymentDisbursementInput!) { recordPrepaymentDisbursement(input: $input) { ${PREPAYMENT_FIELDS} } }`;
const RECOVER = `mutation ($input: RecoverPrepaymentLeftoverInput!) { recoverPrepaymentLeftover(input: $input) { ${PREPAYMENT_FIELDS} } }`;

type PrepaymentView = { id: string; status: string; balance: string; entries: Array<{ kind: string; amount: string; balanceAfter: string }>; [k: string]: unknown };

/** Insurance regulators of other places, for scope tests and the Shanxi G-03 flow. */
const SHANXI_INSURANCE = { subject: 't-sx-insurance', role: 'REGULATOR' as const, department: 'MEDICAL_INSURANCE' as const, region: '140000' };
const CHONGQING_INSURANCE = { subject: 't-cq-insurance', role: 'REGULATOR' as const, department: 'MEDICAL_INSURANCE' as const, region: '500000' };

describe('prepayments (I-05, G-01..G-03) as a ledger', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub.close());

  async function ledgerState(id: string) {
    const [p] = await hub.db.query(`SELECT balance::text, version, disbursed_on FROM insurance.prepayment WHERE id = $1`, [id]);
    const [{ n }] = await hub.db.query(`SELECT count(*)::int AS n FROM insurance.prepayment_entry`);
    return { ...p, entries: n };
  }

  async function prepayment(persona: Parameters<TestHub['query']>[0], id: string): Promise<PrepaymentView> {
    const nodes = ok(await hub.query<{ prepayments: { nodes: PrepaymentView[] } }>(persona, LIST)).prepayments.nodes;
    return nodes.find((n) => n.id === id)!;
  }

  /** Every ledger adds up: entries numbered 1..n, each balance = previous ± amount, the last = the prepayment's balance, never negative. */
  async function ledgerBreaks(): Promise<unknown[]> {
    return hub.db.query(
      `WITH e AS (
         SELECT prepayment_id, entry_no, balance_after,
                sum(CASE WHEN kind IN ('OFFSET', 'RECOVERY') THEN -amount ELSE amount END) OVER (PARTITION BY prepayment_id ORDER BY entry_no) AS running,
                row_number() OVER (PARTITION BY prepayment_id ORDER BY entry_no) AS n,
                max(entry_no) OVER (PARTITION BY prepayment_id) AS last_no
           FROM insurance.prepayment_entry)
       SELECT e.prepayment_id, e.entry_no FROM e JOIN insurance.prepayment p ON p.id = e.prepayment_id
        WHERE e.running <> e.balance_after OR e.n <> e.entry_no OR e.balance_after < 0 OR (e.entry_no = e.last_no AND e.balance_after <> p.balance)
       UNION ALL
       SELECT p.id, 0 FROM insurance.prepayment p WHERE p.balance <> 0 AND NOT EXISTS (SELECT 1 FROM insurance.prepayment_entry x WHERE x.prepayment_id = p.id)`,
    );
  }

  it('G-01 prepays the region’s share of the agreed amount and keeps the policy version used (Shaoguan 30%)', async () => {
    const nodes = ok(await hub.query<{ prepayments: { nodes: PrepaymentView[] } }>('hospital', LIST)).prepayments.nodes;
    // The hospital sees its own two drug prepayments; G-01 sets no consumables share in Shaoguan, so the stent has none.
    expect(nodes.map((n) => n.id).sort()).toEqual([SG_ATORVASTATIN.id, SG_AMLODIPINE.id].sort());
    expect(nodes.find((n) => n.id === SG_ATORVASTATIN.id)).toMatchObject({
      status: 'PAID', agreedQuantity: 12000, agreedAmount: '1440', targetAmount: '432', dueDate: null, balance: '282',
      policy: { share: '0.3', shareRegionCode: '440200', shareDocument: POLICY_DOCUMENTS.shaoguan.document, deadlineDays: null, continuesAfterCompletion: true },
      entries: [
        { entryNo: 1, kind: 'PREPAYMENT', amount: '432', balanceAfter: '432', reference: null },
        { entryNo: 2, kind: 'OFFSET', amount: '100', balanceAfter: '332', reference: 'SG-CLAIM-M1' },
        { entryNo: 3, kind: 'OFFSET', amount: '50', balanceAfter: '282', reference: 'SG-CLAIM-M2' },
      ],
    });
  });

  it('G-02 sets the due date from the agreement date and shows an unpaid prepayment past it as OVERDUE (Guichi, 20 days)', async () => {
    const nodes = ok(await hub.query<{ prepayments: { nodes: Array<PrepaymentView & { institution: { id: string } }> } }>('finance-regulator', LIST)).prepayments.nodes;
    expect(new Set(nodes.map((n) => n.institution.id))).toEqual(new Set([I.guichiHospital, I.guichiTownship]));
    for (const n of nodes) expect(n).toMatchObject({ dueDate: addDays(agreedOn, 20), policy: { deadlineDays: 20, share: '0.3' } });
    const township = nodes.filter((n) => n.institution.id === I.guichiTownship);
    expect(township.map((n) => n.status)).toEqual(['OVERDUE', 'OVERDUE']);
    expect(township.every((n) => n.balance === '0' && n.entries.length === 0)).toBe(true);
    const filtered = ok(await hub.query<{ prepayments: { nodes: PrepaymentView[] } }>('finance-regulator', LIST, { filter: { status: 'PAID' } })).prepayments.nodes;
    expect(filtered.every((n) => n.status === 'PAID')).toBe(true);
    expect(filtered).toHaveLength(2);
  });

  it('shows prepayments to the institution and the insurance and finance regulators of its region only', async () => {
    for (const persona of ['manufacturer', 'distributor', 'health-regulator', 'market-regulator'] as const) {
      expect(errorCodes(await hub.query(persona, LIST))).toEqual(['FORBIDDEN']);
    }
    const chongqing = ok(await hub.query<{ prepayments: { nodes: Array<{ institution: { id: string } }> } }>({ token: await tokenFor(CHONGQING_INSURANCE) }, LIST));
    expect(new Set(chongqing.prepayments.nodes.map((n) => n.institution.id))).toEqual(new Set([I.chongqingHospital]));
  });

  it('I-05/G-03 refuses an offset beyond the prepaid balance, and writes nothing', async () => {
    const before = await ledgerState(SG_ATORVASTATIN.id);
    const response = await hub.query('insurance-regulator', OFFSET, { input: { prepaymentId: SG_ATORVASTATIN.id, amount: '282.01', claimReference: 'SG-CLAIM-BIG', idempotencyKey: 'offset-too-big-1' } });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors![0].message).toMatch(/^I-05\/G-03: the offset 282.01 exceeds the prepaid balance 282/);
    expect(await ledgerState(SG_ATORVASTATIN.id)).toEqual(before);
  });

  it('refuses an offset dated where no policy is in force, and writes nothing', async () => {
    const before = await ledgerState(SG_ATORVASTATIN.id);
    const response = await hub.query('insurance-regulator', OFFSET, {
      input: { prepaymentId: SG_ATORVASTATIN.id, amount: '1', claimReference: 'SG-CLAIM-OLD', offsetOn: '2018-06-01', idempotencyKey: 'offset-no-policy-1' },
    });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors![0].message).toMatch(/no insurance policy is in force in 440203 on 2018-06-01/);
    expect(await ledgerState(SG_ATORVASTATIN.id)).toEqual(before);
  });

  it('I-05 offsets against a claim once per idempotency key; the same key with another body is a CONFLICT', async () => {
    const input = { prepaymentId: SG_ATORVASTATIN.id, amount: '2.50', claimReference: 'SG-CLAIM-M3', idempotencyKey: 'offset-once-key-1' };
    const first = ok(await hub.query<{ recordClaimOffset: PrepaymentView }>('insurance-regulator', OFFSET, { input })).recordClaimOffset;
    expect(first.balance).toBe('279.5');
    expect(first.entries.at(-1)).toMatchObject({ kind: 'OFFSET', amount: '2.5', balanceAfter: '279.5' });
    const retry = ok(await hub.query<{ recordClaimOffset: PrepaymentView }>('insurance-regulator', OFFSET, { input })).recordClaimOffset;
    expect(retry.entries).toEqual(first.entries);
    const before = await ledgerState(SG_ATORVASTATIN.id);
    expect(errorCodes(await hub.query('insurance-regulator', OFFSET, { input: { ...input, amount: '3' } }))).toEqual(['CONFLICT']);
    expect(await ledgerState(SG_ATORVASTATIN.id)).toEqual(before);
  });

  it('lets only the medical insurance bureau of the region move a prepayment; another region’s id is NOT_FOUND', async () => {
    const before = await ledgerState(SG_ATORVASTATIN.id);
    const input = { prepaymentId: SG_ATORVASTATIN.id, amount: '1', claimReference: 'SG-CLAIM-X1', idempotencyKey: 'offset-scope-key-1' };
    for (const persona of ['hospital', 'finance-regulator', 'health-regulator'] as const) expect(errorCodes(await hub.query(persona, OFFSET, { input }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await hub.query({ token: await tokenFor(CHONGQING_INSURANCE) }, OFFSET, { input }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await hub.query({ token: await tokenFor(CHONGQING_INSURANCE) }, OFFSET, { input: { ...input, prepaymentId: '00000000-0000-4000-8000-000000000000' } }))).toEqual(['NOT_FOUND']);
    expect(await ledgerState(SG_ATORVASTATIN.id)).toEqual(before);
  });

  it('I-05 pays a prepayment out once: a second payout under a new key is a CONFLICT', async () => {
    const paid = ok(
      await hub.query<{ recordPrepaymentDisbursement: PrepaymentView }>('insurance-regulator', DISBURSE, { input: { prepaymentId: SG_TOWNSHIP_ATORVASTATIN.id, idempotencyKey: 'disburse-sg-town-1', expectedVersion: 1 } }),
    ).recordPrepaymentDisbursement;
    // 2000 tablets × 0.12 × 30%.
    expect(paid).toMatchObject({ status: 'PAID', balance: '72', entries: [{ entryNo: 1, kind: 'PREPAYMENT', amount: '72', balanceAfter: '72' }] });
    const before = await ledgerState(SG_TOWNSHIP_ATORVASTATIN.id);
    expect(errorCodes(await hub.query('insurance-regulator', DISBURSE, { input: { prepaymentId: SG_TOWNSHIP_ATORVASTATIN.id, idempotencyKey: 'disburse-sg-town-2' } }))).toEqual(['CONFLICT']);
    expect(await ledgerState(SG_TOWNSHIP_ATORVASTATIN.id)).toEqual(before);
  });

  it('I-05 adjusts a prepayment for a changed agreed volume by top-up and recovery entries, never rewriting earlier ones', async () => {
    const w = SG_AMLODIPINE.winning;
    const key = `${I.shaoguanHospital}:${w.id}:${cycleStart}`;
    const event = (quantity: number): AgreedVolumeSetV1 => ({
      agreedVolumeId: SG_AMLODIPINE.id, batchId: w.batchId, winningProductId: w.id, productId: w.productId, manufacturerId: w.manufacturerId, kind: 'DRUG',
      institutionId: I.shaoguanHospital, institutionName: '韶关市武江区人民医院（示例）', institutionRegionCode: '440203', poolingRegionCode: '000000',
      contractYearStart: cycleStart, contractYearEnd: endAfterYears(cycleStart, 1), quantity, winningPrice: w.winningPrice,
      amount: decimalText(new Money(w.winningPrice).times(quantity)), agreedOn,
    });
    const before = await prepayment('hospital', SG_AMLODIPINE.id);
    await deliverToInsurance(hub, 'AgreedVolumeSet', key, 1, event(7000));
    const raised = await prepayment('hospital', SG_AMLODIPINE.id);
    // 1000 more tablets × 0.058 × 30% = 17.4 on top of 104.4 − 30 offset.
    expect(raised).toMatchObject({ agreedQuantity: 7000, targetAmount: '121.8', balance: '91.8' });
    expect(raised.entries.slice(0, before.entries.length)).toEqual(before.entries);
    expect(raised.entries.at(-1)).toMatchObject({ kind: 'TOP_UP', amount: '17.4', balanceAfter: '91.8', entryOn: todayInChina() });
    await deliverToInsurance(hub, 'AgreedVolumeSet', key, 2, event(1000));
    const lowered = await prepayment('hospital', SG_AMLODIPINE.id);
    // The cut (6000 tablets' prepayment, 104.4) exceeds what is left (91.8): all of it is recovered, the offset stays offset.
    expect(lowered).toMatchObject({ agreedQuantity: 1000, targetAmount: '17.4', balance: '0' });
    expect(lowered.entries.slice(0, raised.entries.length)).toEqual(raised.entries);
    expect(lowered.entries.at(-1)).toMatchObject({ kind: 'RECOVERY', amount: '91.8', balanceAfter: '0' });
  });

  it('I-05 keeps prepaying on actual purchases once the agreed volume is complete (Guichi)', async () => {
    // Guichi hospital agreed 6000 metformin tablets; a delivery of 6010 completes it with 10 to spare.
    const { deliveryId, hospital } = await orderAndShip(hub, [{ productId: P.metforminJintong, quantity: GC_METFORMIN.quantity + 10, unitPrice: '0.0950' }]);
    ok(await hub.query(hospital, CONFIRM_RECEIPT, { id: deliveryId, at: new Date().toISOString() }));
    const entries = await eventually(async () => {
      const rows = await hub.db.query(`SELECT kind, amount::text, reference FROM insurance.prepayment_entry WHERE prepayment_id = $1 AND kind = 'CONTINUATION'`, [GC_METFORMIN.id]);
      expect(rows).toHaveLength(1);
      return rows;
    });
    // 10 tablets × 0.095 × 30%.
    expect(entries[0]).toEqual({ kind: 'CONTINUATION', amount: '0.285000', reference: `delivery:${deliveryId}:1` });
  });

  it('G-03 recovers the leftover only after the contract year, and the Shanxi deadline is two months after it', async () => {
    const sx = { token: await tokenFor(SHANXI_INSURANCE) };
    const w = DEMO_WINNING_PRODUCTS.find((x) => x.productId === P.metforminJintong)!;
    const past: AgreedVolumeSetV1 = {
      agreedVolumeId: '6f1c2b1e-4d5a-4c3b-9a8e-1d2c3b4a5e6f', batchId: w.batchId, winningProductId: w.id, productId: w.productId, manufacturerId: w.manufacturerId,
      kind: 'DRUG', institutionId: I.lvliangHospital, institutionName: '吕梁市离石区人民医院（示例）', institutionRegionCode: '141102', poolingRegionCode: '000000',
      contractYearStart: '2024-07-01', contractYearEnd: '2025-06-30', quantity: 1000, winningPrice: '0.0950', amount: '95', agreedOn: '2024-06-20',
    };
    await deliverToInsurance(hub, 'AgreedVolumeSet', `${I.lvliangHospital}:${w.id}:2024-07-01`, 1, past);
    const id = past.agreedVolumeId;
    const set = await prepayment(sx, id);
    expect(set).toMatchObject({ status: 'DUE', targetAmount: '47.5', recoveryDueBy: '2025-08-31', policy: { share: '0.5', shareRegionCode: '141100' } });
    ok(await hub.query(sx, DISBURSE, { input: { prepaymentId: id, disbursedOn: '2024-07-05', idempotencyKey: 'sx-disburse-2024' } }));
    ok(await hub.query(sx, OFFSET, { input: { prepaymentId: id, amount: '7.5', claimReference: 'LL-2025-03', offsetOn: '2025-03-01', idempotencyKey: 'sx-offset-2025-03' } }));

    const before = await ledgerState(id);
    const early = await hub.query(sx, RECOVER, { input: { prepaymentId: id, recoveredOn: '2025-06-30', idempotencyKey: 'sx-recover-early' } });
    expect(errorCodes(early)).toEqual(['BAD_USER_INPUT']);
    expect(early.body.errors![0].message).toMatch(/^G-03/);
    expect(await ledgerState(id)).toEqual(before);

    const recovered = ok(await hub.query<{ recoverPrepaymentLeftover: PrepaymentView }>(sx, RECOVER, { input: { prepaymentId: id, recoveredOn: '2025-08-15', idempotencyKey: 'sx-recover-ontime' } }))
      .recoverPrepaymentLeftover;
    expect(recovered.balance).toBe('0');
    expect(recovered.entries.map((e) => [e.kind, e.amount, e.balanceAfter])).toEqual([
      ['PREPAYMENT', '47.5', '47.5'],
      ['OFFSET', '7.5', '40'],
      ['RECOVERY', '40', '0'],
    ]);
    expect(errorCodes(await hub.query(sx, RECOVER, { input: { prepaymentId: id, recoveredOn: '2025-08-20', idempotencyKey: 'sx-recover-again' } }))).toEqual(['BAD_USER_INPUT']);
  });

  it('I-05 keeps every ledger adding up, and the database refuses a negative balance or a rewritten entry', async () => {
    expect(await ledgerBreaks()).toEqual([]);
    await expect(
      hub.db.query(`INSERT INTO insurance.prepayment_entry (prepayment_id, kind, amount, entry_on, reason) VALUES ($1, 'OFFSET', 1000000, current_date, 'too much')`, [SG_ATORVASTATIN.id]),
    ).rejects.toThrow(/below zero/);
    await hub.db.query('SET ROLE insurance_app');
    try {
      await expect(hub.db.query(`UPDATE insurance.prepayment_entry SET amount = 1 WHERE prepayment_id = $1`, [SG_ATORVASTATIN.id])).rejects.toThrow(/permission denied/);
      await expect(hub.db.query(`DELETE FROM insurance.prepayment_entry WHERE prepayment_id = $1`, [SG_ATORVASTATIN.id])).rejects.toThrow(/permission denied/);
    } finally {
      await hub.db.query('RESET ROLE');
    }
    expect(await ledgerBreaks()).toEqual([]);
  });
});
