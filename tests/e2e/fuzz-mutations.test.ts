import { creditCodeCheckCharacter } from '../../subgraphs/shared/credit-code';
import { DEMO, demoId } from '../../subgraphs/shared/demo/ids';
import { DEMO_ORDERS } from '../../subgraphs/shared/demo/orders';
import { DEMO_AGREED_VOLUMES, DEMO_BATCHES, DEMO_WINNING_PRODUCTS } from '../../subgraphs/shared/demo/awards';
import { todayInChina } from '../../subgraphs/shared/graphql/scalars';
import { errorCodes } from '../support/graphql-client';
import { startTestHub, TestHub } from '../support/hub';
import type { PersonaName } from '../support/tokens';

/** Values no field should accept, whatever its type: malformed, oversized, unicode-heavy, injection-like. */
const HOSTILE: unknown[] = [
  '',
  ' ',
  'x'.repeat(100_000),
  '𠜎𠜱𠝹𠱓'.repeat(500),
  '\u0000\u0001\u202e',
  "'; DROP TABLE procurement.product; --",
  '1 OR 1=1',
  '{"$gt": ""}',
  '１２３', // full-width digits
  '1e309',
  '-0',
  'NaN',
  -1,
  0,
  2.5,
  2 ** 31,
  Number.MAX_SAFE_INTEGER,
  true,
  [],
  {},
  { nested: { deeper: 'x' } },
  null,
];

const ORDER = DEMO_ORDERS.find((o) => o.shippedDaysAgo === null)!;
const SHIPPED = DEMO_ORDERS.find((o) => o.shippedDaysAgo !== null && o.acceptedDaysAgo === null)!;
const STENT_WINNER = DEMO_WINNING_PRODUCTS.find((w) => w.productId === DEMO.products.stentBayu)!;
const ATORVASTATIN_WINNER = DEMO_WINNING_PRODUCTS.find((w) => w.productId === DEMO.products.atorvastatinLingnan)!;
const DUE = DEMO_ORDERS.find((o) => o.acceptedDaysAgo !== null && o.paidDaysAgo === null && o.regionCode === '440203')!;
/** Prepayments are identified like their agreed volumes: a paid-out one (Shaoguan hospital) and an unpaid one (Shaoguan township). */
const PAID_PREPAYMENT = DEMO_AGREED_VOLUMES.find((v) => v.winningProductId === ATORVASTATIN_WINNER.id && v.institutionId === DEMO.institutions.shaoguanHospital)!.id;
const UNPAID_PREPAYMENT = DEMO_AGREED_VOLUMES.find((v) => v.winningProductId === ATORVASTATIN_WINNER.id && v.institutionId === DEMO.institutions.shaoguanTownship)!.id;
const FRESH_CREDIT_CODE = '91440100MA5FQ0001' + creditCodeCheckCharacter('91440100MA5FQ0001');
const STOCK_LINE = { productId: DEMO.products.atorvastatinLingnan, regionCode: '440000', quantityOnHand: 10, emergencyReserve: 1 };
const TRACE_CODE = { lineNo: 1, code: '81023450000007770001' };

/** Every mutation of the hub, who may call it, and a valid input to spoil one field at a time. */
/** The hostile values that are nonetheless legitimate free text (a reason may well read "1 OR 1=1"). */
const PLAIN_TEXT = ["'; DROP TABLE procurement.product; --", '1 OR 1=1', '{"$gt": ""}', '１２３', '1e309', '-0', 'NaN'];
const P = DEMO.products;
const listingOf = (product: string, region: string) => demoId('listing', `${product}:${region}`);

/**
 * `validValues`: per field (`field` or `list[0].key`), hostile values a valid request may hold; they are
 * skipped, since accepting them is correct.
 */
const MUTATIONS: Array<{
  name: string;
  persona: PersonaName;
  document: string;
  input: Record<string, unknown>;
  listFields?: Record<string, Record<string, unknown>>;
  /** Free-text fields: a hostile-looking but printable string of allowed length is legitimate text there, so it is not tried. */
  freeText?: string[];
  validValues?: Record<string, unknown[]>;
}> = [
  {
    name: 'placeOrder',
    persona: 'hospital',
    document: 'mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }',
    input: { distributorId: DEMO.enterprises.yuebeiDistribution, idempotencyKey: 'fuzz-order-key-01', lines: [{ productId: DEMO.products.atorvastatinLingnan, quantity: 7, unitPrice: '0.12' }] },
    listFields: { lines: { productId: DEMO.products.atorvastatinLingnan, quantity: 7, unitPrice: '0.12' } },
  },
  { name: 'shipOrder', persona: 'distributor', document: 'mutation ($input: ShipOrderInput!) { shipOrder(input: $input) { id } }', input: { orderId: ORDER.id, idempotencyKey: 'fuzz-ship-key-01' } },
  {
    name: 'confirmReceipt',
    persona: 'hospital',
    document: 'mutation ($input: ConfirmReceiptInput!) { confirmReceipt(input: $input) { id } }',
    input: { deliveryId: SHIPPED.deliveryId, warehousedAt: new Date().toISOString(), expectedVersion: 1 },
  },
  {
    name: 'recordPayment',
    persona: 'hospital',
    document: 'mutation ($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }',
    input: { settlementId: DUE.settlementId, amount: '47.04', idempotencyKey: 'fuzz-payment-key-01', expectedVersion: 1 },
  },
  {
    name: 'recordPrepaymentDisbursement',
    persona: 'insurance-regulator',
    document: 'mutation ($input: RecordPrepaymentDisbursementInput!) { recordPrepaymentDisbursement(input: $input) { id } }',
    input: { prepaymentId: UNPAID_PREPAYMENT, idempotencyKey: 'fuzz-disburse-key-01', expectedVersion: 1 },
  },
  {
    name: 'recordClaimOffset',
    persona: 'insurance-regulator',
    document: 'mutation ($input: RecordClaimOffsetInput!) { recordClaimOffset(input: $input) { id } }',
    input: { prepaymentId: PAID_PREPAYMENT, amount: '1.50', claimReference: 'FUZZ-CLAIM-01', idempotencyKey: 'fuzz-offset-key-01' },
  },
  {
    // The demo's contract year has not ended, so even the valid input is refused (G-03); hostile values must be too.
    name: 'recoverPrepaymentLeftover',
    persona: 'insurance-regulator',
    document: 'mutation ($input: RecoverPrepaymentLeftoverInput!) { recoverPrepaymentLeftover(input: $input) { id } }',
    input: { prepaymentId: PAID_PREPAYMENT, idempotencyKey: 'fuzz-recover-key-01' },
  },
  // Quality supervision (Q-01..Q-07): the ids are demo rows, so each spoiled field is the only thing wrong.
  {
    name: 'recordInspection',
    persona: 'market-regulator',
    document: 'mutation ($input: RecordInspectionInput!) { recordInspection(input: $input) { id } }',
    input: { productId: DEMO.products.atorvastatinLingnan, manufacturerId: DEMO.enterprises.lingnanPharma, batchNumber: 'LN20261102', samplingStage: 'USE', regionCode: '440203', sampledOn: '2026-01-02', result: 'PASSED' },
    freeText: ['batchNumber'],
  },
  {
    name: 'openIncident',
    persona: 'market-regulator',
    document: 'mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { id } }',
    input: { productId: DEMO.products.metforminJintong, enterpriseId: DEMO.enterprises.jintongPharma, regionCode: '440203', kind: 'SUPPLY_FAILURE', description: '断供', occurredOn: '2026-01-02' },
    freeText: ['description'],
  },
  {
    name: 'resolveIncident',
    persona: 'market-regulator',
    document: 'mutation ($input: ResolveIncidentInput!) { resolveIncident(input: $input) { id } }',
    input: { incidentId: demoId('incident', 'atorvastatin-lingnan-supply-shaoguan'), expectedVersion: 1, liability: 'WINNER_LIABLE', replacementCost: '100.00', resolution: '替代供应完成' },
    freeText: ['resolution'],
  },
  {
    name: 'recordReplacementCostPayment',
    persona: 'market-regulator',
    document: 'mutation ($input: RecordReplacementCostPaymentInput!) { recordReplacementCostPayment(input: $input) { id } }',
    input: { incidentId: demoId('incident', 'metformin-jintong-supply-shaoguan'), expectedVersion: 2, paidOn: '2026-01-02' },
  },
  {
    name: 'declareDishonest',
    persona: 'market-regulator',
    document: 'mutation ($input: DeclareDishonestInput!) { declareDishonest(input: $input) { id } }',
    input: { enterpriseId: DEMO.enterprises.jintongPharma, incidentId: demoId('incident', 'metformin-jintong-supply-shaoguan'), reason: '拒付替换费用' },
    freeText: ['reason'],
  },
  {
    name: 'liftBan',
    persona: 'market-regulator',
    document: 'mutation ($input: LiftBanInput!) { liftBan(input: $input) { id } }',
    input: { banId: demoId('ban', 'jintong-shaoguan'), expectedVersion: 1, reason: '已补缴' },
    freeText: ['reason'],
  },
  {
    name: 'recordCreditEvent',
    persona: 'market-regulator',
    document: 'mutation ($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { id } }',
    input: { enterpriseId: DEMO.enterprises.bayuMedical, kind: 'ADMINISTRATIVE_PENALTY', severity: 'GENERAL', decidedOn: '2026-01-02', sourceDocument: '粤药监罚〔2026〕1号', summary: '标签不规范', regionCode: '440000' },
    freeText: ['sourceDocument', 'summary'],
  },
  {
    name: 'flagPriceRisk',
    persona: 'market-regulator',
    document: 'mutation ($input: FlagPriceRiskInput!) { flagPriceRisk(input: $input) { id } }',
    input: { productId: DEMO.products.amlodipineHuayue, enterpriseId: DEMO.enterprises.huayuePharma, regionCode: '440000', colour: 'RED', basis: 'OTHER', action: 'SUSPENSION', reason: '价格异常' },
    freeText: ['reason'],
  },
  {
    name: 'updateShortageWatchList',
    persona: 'health-regulator',
    document: 'mutation ($input: UpdateShortageWatchListInput!) { updateShortageWatchList(input: $input) { watched } }',
    input: { productId: DEMO.products.amlodipineHuayue, list: 'NATIONAL_SHORTAGE', regionCode: '440200', change: 'ADD' },
  },
  {
    name: 'recordExternalLowestPrice',
    persona: 'market-regulator',
    document: 'mutation ($input: RecordExternalLowestPriceInput!) { recordExternalLowestPrice(input: $input) { id } }',
    input: { productId: DEMO.products.metforminJintong, provinceCode: '350000', price: '0.0800', observedOn: '2026-01-02', source: '全国挂网价格一览表' },
    freeText: ['source'],
  },
  {
    name: 'registerEnterprise',
    persona: 'market-regulator',
    document: 'mutation ($input: RegisterEnterpriseInput!) { registerEnterprise(input: $input) { id } }',
    input: { name: '广州示例医药配送有限公司', creditCode: FRESH_CREDIT_CODE, roles: ['DISTRIBUTOR'], regionCode: '440100' },
  },
  {
    name: 'authorizeDistributor',
    persona: 'manufacturer',
    document: 'mutation ($input: AuthorizeDistributorInput!) { authorizeDistributor(input: $input) { id } }',
    input: { winningProductId: ATORVASTATIN_WINNER.id, distributorId: DEMO.enterprises.jianghuaiLogistics, poolingRegionCode: '340000', coverageRegionCodes: ['341700'] },
  },
  {
    name: 'revokeDistributorAuthorization',
    persona: 'manufacturer',
    document: 'mutation ($input: RevokeDistributorAuthorizationInput!) { revokeDistributorAuthorization(input: $input) { id } }',
    input: { authorizationId: demoId('authorization', 'lingnan-atorvastatin-yuebei'), expectedVersion: 1 },
  },
  {
    name: 'reportStock',
    persona: 'manufacturer',
    document: 'mutation ($input: ReportStockInput!) { reportStock(input: $input) { id } }',
    input: { idempotencyKey: 'fuzz-stock-key-01', lines: [STOCK_LINE] },
    listFields: { lines: STOCK_LINE },
  },
  {
    name: 'reportCapacity',
    persona: 'manufacturer',
    document: 'mutation ($input: ReportCapacityInput!) { reportCapacity(input: $input) { monthlyCapacity } }',
    input: { productId: DEMO.products.atorvastatinLingnan, regionCode: '440000', monthlyCapacity: 1000 },
  },
  {
    name: 'reportProductionStop',
    persona: 'manufacturer',
    document: 'mutation ($input: ReportProductionStopInput!) { reportProductionStop(input: $input) { id } }',
    input: { productId: DEMO.products.atorvastatinLingnan, regionCodes: ['440000'], reason: 'MAINTENANCE', stoppedFrom: '2026-01-05' },
  },
  {
    name: 'recordTraceabilityCodes',
    persona: 'distributor',
    document: 'mutation ($input: RecordTraceabilityCodesInput!) { recordTraceabilityCodes(input: $input) { id } }',
    input: { deliveryId: SHIPPED.deliveryId, codes: [TRACE_CODE] },
    listFields: { codes: TRACE_CODE },
  },
  {
    name: 'listProduct',
    persona: 'insurance-regulator',
    document: 'mutation ($input: ListProductInput!) { listProduct(input: $input) { id } }',
    input: { productId: P.stentBayu, regionCode: '440200', listedPrice: '500.00', unit: '套', zone: 'ACTIVE', reason: '韶关市挂网' },
    validValues: { unit: PLAIN_TEXT, reason: PLAIN_TEXT },
  },
  ...(['suspendListing', 'delistProduct'] as const).map((name) => ({
    name,
    persona: 'insurance-regulator' as const,
    document: `mutation ($input: ChangeListingInput!) { ${name}(input: $input) { id } }`,
    input: { listingId: listingOf(P.amlodipineHuayue, '440000'), reason: '价格风险', expectedVersion: 1 },
    validValues: { reason: PLAIN_TEXT },
  })),
  {
    name: 'restoreListing',
    persona: 'insurance-regulator',
    document: 'mutation ($input: ChangeListingInput!) { restoreListing(input: $input) { id } }',
    input: { listingId: listingOf(P.stentBayu, '440000'), reason: '整改完成', expectedVersion: 2 },
    validValues: { reason: PLAIN_TEXT },
  },
  {
    name: 'cancelOrder',
    persona: 'hospital',
    document: 'mutation ($input: CancelOrderInput!) { cancelOrder(input: $input) { id } }',
    input: { orderId: ORDER.id, reason: '临床需求变更', expectedVersion: 1 },
    validValues: { reason: PLAIN_TEXT },
  },
  {
    name: 'setOfficialCalendarDays',
    persona: 'insurance-regulator',
    document: 'mutation ($input: SetOfficialCalendarDaysInput!) { setOfficialCalendarDays(input: $input) { day } }',
    input: { days: [{ day: '2027-01-01', kind: 'PUBLIC_HOLIDAY', name: '元旦' }] },
    listFields: { days: { day: '2027-01-01', kind: 'PUBLIC_HOLIDAY', name: '元旦' } },
    validValues: { 'days[0].name': PLAIN_TEXT },
  },
  {
    name: 'fileOffListPurchase',
    persona: 'hospital',
    document: 'mutation ($input: FileOffListPurchaseInput!) { fileOffListPurchase(input: $input) { id } }',
    input: {
      productDescription: '港澳药械通 导管',
      kind: 'CONSUMABLE',
      exemption: 'HK_MACAO_PRODUCT',
      quantity: 2,
      unitPrice: '5.00',
      amount: '10.00',
      purchasedOn: '2026-01-05',
      statementDocumentNumber: '武医备〔2026〕99号',
      statementSha256: 'ab'.repeat(32),
    },
    validValues: { productDescription: PLAIN_TEXT, statementDocumentNumber: PLAIN_TEXT },
  },
  {
    name: 'createBatch',
    persona: 'insurance-regulator',
    document: 'mutation ($input: CreateBatchInput!) { createBatch(input: $input) { id } }',
    input: { name: '广东省降压药集中带量采购（模糊测试）', level: 'PROVINCIAL', kind: 'DRUG', regionCodes: ['440000'], genericNames: ['苯磺酸氨氯地平片'], cycleStart: '2026-01-01', cycleEnd: '2027-12-31' },
  },
  {
    name: 'awardWinningProduct',
    persona: 'insurance-regulator',
    document: 'mutation ($input: AwardWinningProductInput!) { awardWinningProduct(input: $input) { id } }',
    input: { batchId: DEMO_BATCHES[1].id, productId: DEMO.products.stentBayu, winningPrice: '580.00', unit: '套' },
  },
  {
    name: 'setAgreedVolume',
    persona: 'insurance-regulator',
    document: 'mutation ($input: SetAgreedVolumeInput!) { setAgreedVolume(input: $input) { id } }',
    input: { institutionId: DEMO.institutions.shaoguanTownship, winningProductId: STENT_WINNER.id, contractYearOn: todayInChina(), quantity: 10, expectedVersion: 1 },
  },
  {
    name: 'reallocateAgreedVolume',
    persona: 'hospital',
    document: 'mutation ($input: ReallocateAgreedVolumeInput!) { reallocateAgreedVolume(input: $input) { id } }',
    input: { winningProductId: ATORVASTATIN_WINNER.id, contractYearOn: todayInChina(), fromInstitutionId: DEMO.institutions.shaoguanHospital, toInstitutionId: DEMO.institutions.shaoguanTownship, quantity: 100 },
  },
];

/** A fingerprint of every row of every subgraph's tables: any write changes it. */
async function fingerprint(hub: TestHub): Promise<string> {
  const tables = await hub.db.query<{ t: string }>(
    `SELECT table_schema || '.' || table_name AS t FROM information_schema.tables
      WHERE table_schema IN ('procurement', 'insurance', 'quality', 'distribution') AND table_type = 'BASE TABLE'
        -- Refused attempts are meant to leave an audit row (issue 8); everything else must stay as it was.
        AND table_name <> 'audit_event' ORDER BY 1`,
  );
  const parts = [];
  for (const { t } of tables) {
    const [{ h }] = await hub.db.query<{ h: string }>(`SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM ${t} x`);
    parts.push(`${t}:${h}`);
  }
  return parts.join('\n');
}

describe('hostile input to every mutation', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ events: false });
  });
  afterAll(() => hub.close());

  it('the list covers every mutation of the supergraph', async () => {
    const response = await hub.query<{ __schema: { mutationType: { fields: Array<{ name: string }> } } }>('insurance-regulator', '{ __schema { mutationType { fields { name } } } }');
    const all = response.body.data!.__schema.mutationType.fields.map((f) => f.name).sort();
    // replayParkedEvents takes no input object; its arguments are covered by bad-input tests of the bus.
    expect(all).toEqual([...MUTATIONS.map((m) => m.name), 'replayParkedEvents'].sort());
  });

  for (const mutation of MUTATIONS) {
    const fields = Object.keys(mutation.input);
    it(`${mutation.name}: every field, every hostile value → BAD_USER_INPUT, nothing written`, async () => {
      const before = await fingerprint(hub);
      const failures: string[] = [];
      const cases: Array<[string, Record<string, unknown>]> = [];
      // A hostile-looking value is still valid where the mutation says so: printable text in a free-text
      // field, or one of the field's listed valid values.
      const legitimate = (path: string, value: unknown) =>
        (mutation.validValues?.[path] ?? []).some((v) => Object.is(v, value)) ||
        (!!mutation.freeText?.includes(path) && typeof value === 'string' && value.trim().length > 0 && value.length <= 300 && !/[\u0000-\u001f\u202a-\u202e]/.test(value));
      for (const field of fields) for (const value of HOSTILE) if (!legitimate(field, value)) cases.push([`${field}=${JSON.stringify(value)?.slice(0, 40)}`, { ...mutation.input, [field]: value }]);
      for (const [listField, item] of Object.entries(mutation.listFields ?? {})) {
        for (const key of Object.keys(item)) {
          for (const value of HOSTILE) if (!legitimate(`${listField}[0].${key}`, value)) cases.push([`${listField}[0].${key}=${JSON.stringify(value)?.slice(0, 40)}`, { ...mutation.input, [listField]: [{ ...item, [key]: value }] }]);
        }
      }
      for (const [label, input] of cases) {
        // Optional fields given null or an acceptable value are not hostile to them; skip what a valid request may hold.
        // Zero stock and an absent reserve or area list are valid too.
        const valid = ['idempotencyKey=null', 'warehousedAt=null', 'expectedVersion=null', 'coverageRegionCodes=null', 'lines[0].quantityOnHand=0', 'lines[0].emergencyReserve=0', 'lines[0].emergencyReserve=null'];
        if (valid.some((optional) => label.startsWith(optional))) continue;
        if (['idempotencyKey=null', 'warehousedAt=null', 'expectedVersion=null', 'contractYearOn=null'].some((optional) => label.startsWith(optional))) continue;
        const response = await hub.query(mutation.persona, mutation.document, { input });
        const codes = errorCodes(response);
        if (codes.length === 0 || codes.some((c) => c !== 'BAD_USER_INPUT')) failures.push(`${label}: ${JSON.stringify(codes)} ${response.body.errors?.[0]?.message ?? 'no error'}`);
        if (JSON.stringify(response.body).match(/stack|at [\w.]+ \(|node_modules|SELECT |syntax error at/)) failures.push(`${label}: leaked internals`);
      }
      expect(failures).toEqual([]);
      expect(await fingerprint(hub)).toBe(before);
    });
  }
});
