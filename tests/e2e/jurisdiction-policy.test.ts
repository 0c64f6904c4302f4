import { startTestHub, TestHub } from '../support/hub';

const POLICY = `query ($region: String!, $on: Date) {
  jurisdictionPolicy(regionCode: $region, on: $on) {
    regionCode effectiveOn
    filedPurchaseRegistration { workingDays source { regionCode effectiveFrom } }
    agreedVolumeBasis { minShareOfLastYearUse maxShareOfLastYearUse source { regionCode } }
    contractRenewal { rule source { regionCode } }
    monitoringCadence { monitoring assessment settlement source { regionCode } }
    prepaymentShare { drugs consumables isMinimum source { regionCode } }
    prepaymentDeadline { daysAfterAgreement source { regionCode } }
    prepaymentRecovery { offsetAgainstClaims leftoverRecoveryMonths source { regionCode } }
    prepaymentAfterCompletion { continues source { regionCode } }
    paymentTerm { basis days source { regionCode } }
    receiptConfirmation { hours source { regionCode } }
    distributorCap { drugs consumables source { regionCode } }
    dishonestyBan { years source { regionCode document } }
  }
}`;

type Policy = Record<string, any>;

/** Section G parameters, each owned by one subgraph, assembled by the gateway from all four. */
describe('JurisdictionPolicy: section G by region and date, with inheritance', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub.close());

  async function policy(region: string, on?: string): Promise<Policy> {
    const response = await hub.query<{ jurisdictionPolicy: Policy }>('finance-regulator', POLICY, { region, on });
    expect(response.body.errors).toBeUndefined();
    return response.body.data!.jurisdictionPolicy;
  }

  it('G-01/G-02/G-04/G-05 Guichi: 30% prepaid within 20 days, paid 30 days after acceptance and invoice, receipt within 24 h', async () => {
    const p = await policy('341702', '2026-06-01');
    expect(p.prepaymentShare).toEqual({ drugs: '0.3', consumables: '0.3', isMinimum: false, source: { regionCode: '341702' } });
    expect(p.prepaymentDeadline).toEqual({ daysAfterAgreement: 20, source: { regionCode: '341702' } });
    expect(p.paymentTerm).toEqual({ basis: 'DAYS_AFTER_ACCEPTANCE_AND_INVOICE', days: 30, source: { regionCode: '341702' } });
    expect(p.receiptConfirmation).toEqual({ hours: 24, source: { regionCode: '341702' } });
    expect(p.prepaymentAfterCompletion).toEqual({ continues: true, source: { regionCode: '341702' } });
  });

  it('G-01/G-03/G-04/G-07/G-10 Shanxi, inherited by a Lüliang district through the city’s forwarding notice', async () => {
    const p = await policy('141102', '2026-06-01');
    expect(p.prepaymentShare).toEqual({ drugs: '0.5', consumables: '0.3', isMinimum: false, source: { regionCode: '141100' } });
    expect(p.prepaymentRecovery).toEqual({ offsetAgainstClaims: true, leftoverRecoveryMonths: 2, source: { regionCode: '141100' } });
    expect(p.paymentTerm).toEqual({ basis: 'END_OF_FOLLOWING_MONTH', days: null, source: { regionCode: '141100' } });
    expect(p.distributorCap).toEqual({ drugs: 5, consumables: 10, source: { regionCode: '141100' } });
    expect(p.contractRenewal).toEqual({ rule: 'HALF_YEAR_ALIGNED', source: { regionCode: '141100' } });
  });

  it('G-01/G-09/G-11 Chongqing: at least 50%, agreed volume 60–70% of last year, monthly monitoring and quarterly settlement', async () => {
    const p = await policy('500103', '2026-06-01');
    expect(p.prepaymentShare).toEqual({ drugs: '0.5', consumables: null, isMinimum: true, source: { regionCode: '500000' } });
    expect(p.agreedVolumeBasis).toEqual({ minShareOfLastYearUse: '0.6', maxShareOfLastYearUse: '0.7', source: { regionCode: '500000' } });
    expect(p.monitoringCadence).toEqual({ monitoring: 'MONTHLY', assessment: null, settlement: 'QUARTERLY', source: { regionCode: '500000' } });
    // Chongqing sets no payment term of its own: the national default applies.
    expect(p.paymentTerm).toEqual({ basis: 'DAYS_AFTER_ACCEPTANCE', days: 30, source: { regionCode: '000000' } });
  });

  it('G-06 and G-08 in Shaoguan: the city’s own ban rule, and the province’s 7 working days once Guangdong 2025 is in force', async () => {
    const before = await policy('440203', '2025-11-30');
    const after = await policy('440203', '2025-12-01');
    expect(before.filedPurchaseRegistration).toBeNull();
    expect(after.filedPurchaseRegistration).toEqual({ workingDays: 7, source: { regionCode: '440000', effectiveFrom: '2025-12-01' } });
    expect(after.dishonestyBan).toMatchObject({ years: 2, source: { regionCode: '440200' } });
    expect(after.paymentTerm).toEqual({ basis: 'DAYS_AFTER_ACCEPTANCE', days: 30, source: { regionCode: '440200' } });
  });

  it('Guangdong 2025 runs for five years and then no longer applies', async () => {
    expect((await policy('440000', '2030-11-30')).filedPurchaseRegistration.workingDays).toBe(7);
    expect((await policy('440000', '2030-12-01')).filedPurchaseRegistration).toBeNull();
  });

  it('a region no seed document covers gets the national defaults, and nothing it does not set', async () => {
    const p = await policy('110105', '2026-06-01');
    expect(p.prepaymentShare).toEqual({ drugs: '0.3', consumables: null, isMinimum: true, source: { regionCode: '000000' } });
    expect(p.receiptConfirmation).toBeNull();
    expect(p.dishonestyBan).toBeNull();
  });

  it('reads history as it was: before Shaoguan’s plan, the national default applied there', async () => {
    const p = await policy('440203', '2019-06-01');
    expect(p.prepaymentShare.source.regionCode).toBe('000000');
    expect(p.dishonestyBan).toBeNull();
  });

  it('defaults the date to today in China', async () => {
    const p = await policy('440000');
    expect(p.effectiveOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
