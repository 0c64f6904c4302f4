import { randomUUID } from 'node:crypto';
import { DEMO_BATCHES, demoCycleStart, endAfterYears } from '../../subgraphs/shared/demo/awards';
import { DEMO } from '../../subgraphs/shared/demo/ids';
import type { ProductCataloguedV1, WinningProductAwardedV1 } from '../../subgraphs/shared/events/contracts';
import { addDays } from '../../subgraphs/insurance/prepayment/prepayment.policy';
import { ok } from '../support/flow';
import { errorCodes } from '../support/graphql-client';
import { startTestHub, TestHub } from '../support/hub';
import { deliverToInsurance } from './deliver-event';

const P = DEMO.products;
const E = DEMO.enterprises;
const STANDARD = `query ($id: ID!, $region: String, $on: Date) { paymentStandard(productId: $id, regionCode: $region, on: $on) { amount rule regionCode derived basis effectiveFrom } }`;
const SHARE = `query ($id: ID!, $price: Decimal!, $qty: Int!, $region: String) {
  patientShare(productId: $id, unitPrice: $price, quantity: $qty, regionCode: $region) {
    unitPrice quantity fundUnitAmount patientUnitAmount fundAmount patientAmount totalAmount explanation standard { amount rule }
  }
}`;

const cycleStart = demoCycleStart();
const NATIONAL = DEMO_BATCHES.find((b) => b.level === 'NATIONAL')!;
const INFUSION = DEMO_BATCHES.find((b) => b.level === 'ALLIANCE')!;

function catalogued(overrides: Partial<ProductCataloguedV1>): ProductCataloguedV1 {
  return {
    productId: randomUUID(), manufacturerId: E.huayuePharma, kind: 'DRUG', productName: '阿托伐他汀钙片', genericName: '阿托伐他汀钙片', dosageForm: '片剂',
    specification: '20mg', pack: '7片/盒', consumableCategory: null, functionGroup: null, isOriginator: false, isReferenceDrug: false,
    passedConsistencyEvaluation: false, unit: '片', cataloguedAt: new Date().toISOString(), ...overrides,
  };
}

describe('payment standards derived from procurement results (I-01..I-04) and the patient share (I-03)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub.close());

  async function standard(productId: string, region: string, on?: string) {
    return ok(await hub.query<{ paymentStandard: Record<string, unknown> }>('hospital', STANDARD, { id: productId, region, on })).paymentStandard;
  }

  it('I-01 sets a winning product’s standard to its winning price, in the batch’s pooling regions for its cycle', async () => {
    expect(await standard(P.atorvastatinLingnan, '440203')).toMatchObject({ amount: '0.12', rule: 'I-01', regionCode: '000000', derived: true, effectiveFrom: cycleStart });
    expect(await standard(P.stentBayu, '440203')).toMatchObject({ amount: '590', rule: 'I-01', regionCode: '440000', derived: true });
    expect(await standard(P.infusionSetJintong, '141102')).toMatchObject({ amount: '0.98', rule: 'I-01', regionCode: '140000' });
  });

  it('keeps the standard published before the batch as history (the I-07 baseline)', async () => {
    expect(await standard(P.atorvastatinLingnan, '440203', addDays(cycleStart, -1))).toMatchObject({ amount: '0.124', regionCode: '440000', derived: false });
  });

  it('I-02 gives a generic that did not pass consistency evaluation no more than the evaluated winner', async () => {
    const huayue = await standard(P.atorvastatinHuayue, '440203');
    expect(huayue).toMatchObject({ amount: '0.12', rule: 'I-02', regionCode: '000000' });
    expect(huayue.basis).toMatch(/Not consistency-evaluated/);
  });

  it('I-02 lets a non-winning originator share the standard and caps a non-evaluated generic at the lowest evaluated one, from catalogue events', async () => {
    // A second evaluated winner of the same generic name at a higher price joins the national batch.
    const secondWinner = catalogued({ passedConsistencyEvaluation: true, manufacturerId: E.jintongPharma });
    const award: WinningProductAwardedV1 = {
      ...secondWinner, winningProductId: randomUUID(), batchId: NATIONAL.id, batchName: NATIONAL.name, batchLevel: 'NATIONAL', regionCodes: ['000000'],
      cycleStart, cycleEnd: endAfterYears(cycleStart, NATIONAL.years), winningPrice: '0.1500', awardedOn: cycleStart,
    };
    await deliverToInsurance(hub, 'WinningProductAwarded', award.winningProductId, 1, award);
    const originator = catalogued({ isOriginator: true, manufacturerId: E.lingnanPharma });
    await deliverToInsurance(hub, 'ProductCatalogued', originator.productId, 1, originator);
    const notEvaluated = catalogued({});
    await deliverToInsurance(hub, 'ProductCatalogued', notEvaluated.productId, 1, notEvaluated);

    expect(await standard(secondWinner.productId, '440203')).toMatchObject({ amount: '0.15', rule: 'I-01' });
    expect(await standard(originator.productId, '440203')).toMatchObject({ amount: '0.15', rule: 'I-02' });
    expect(await standard(notEvaluated.productId, '440203')).toMatchObject({ amount: '0.12', rule: 'I-02' });
    // Re-derived for the whole group: the demo's non-evaluated generic is still capped at the lowest evaluated price.
    expect(await standard(P.atorvastatinHuayue, '440203')).toMatchObject({ amount: '0.12', rule: 'I-02' });
  });

  it('I-04 caps a non-winning consumable at the highest winning price of its category and function group', async () => {
    const infusionSet = catalogued({
      kind: 'CONSUMABLE', productName: '一次性使用输液器（非中选）', genericName: '一次性使用输液器', dosageForm: null, specification: '0.55mm',
      consumableCategory: '输注类', functionGroup: '输液器', unit: '支',
    });
    await deliverToInsurance(hub, 'ProductCatalogued', infusionSet.productId, 1, infusionSet);
    for (const region of INFUSION.regionCodes) {
      const [row] = await hub.db.query(`SELECT amount::text, rule FROM insurance.payment_standard WHERE product_id = $1 AND region_code = $2`, [infusionSet.productId, region]);
      expect(row).toEqual({ amount: '0.980000', rule: 'I-04' });
    }
    expect(await standard(infusionSet.productId, '500103')).toMatchObject({ amount: '0.98', rule: 'I-04', regionCode: '500000' });
  });

  it('I-03 makes the patient pay the part of the price above the standard', async () => {
    const share = ok(await hub.query<{ patientShare: Record<string, unknown> }>('hospital', SHARE, { id: P.atorvastatinHuayue, price: '0.15', qty: 100 })).patientShare;
    expect(share).toMatchObject({
      unitPrice: '0.15', quantity: 100, fundUnitAmount: '0.12', patientUnitAmount: '0.03', fundAmount: '12', patientAmount: '3', totalAmount: '15',
      standard: { amount: '0.12', rule: 'I-02' },
    });
  });

  it('I-03 settles a product priced below the standard at its actual price', async () => {
    const share = ok(await hub.query<{ patientShare: Record<string, unknown> }>('insurance-regulator', SHARE, { id: P.stentBayu, price: '550.5', qty: 2, region: '440203' })).patientShare;
    expect(share).toMatchObject({ fundUnitAmount: '550.5', patientUnitAmount: '0', fundAmount: '1101', patientAmount: '0', totalAmount: '1101' });
  });

  it('I-03 answers NOT_FOUND where no standard applies, and refuses a bad quantity or price', async () => {
    expect(errorCodes(await hub.query('hospital', SHARE, { id: P.stentBayu, price: '1', qty: 1, region: '500103' }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await hub.query('hospital', SHARE, { id: P.stentBayu, price: '1', qty: 0 }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await hub.query('hospital', SHARE, { id: P.stentBayu, price: '0', qty: 1 }))).toEqual(['BAD_USER_INPUT']);
  });
});
