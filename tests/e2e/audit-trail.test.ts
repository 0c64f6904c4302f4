import { createDataSource } from '../../subgraphs/shared/db/data-source';
import { RequestTransaction } from '../../subgraphs/shared/db/request-transaction';
import { Role } from '../../subgraphs/shared/auth/identity';
import { DEMO } from '../../subgraphs/shared/demo/ids';
import { errorCodes } from '../support/graphql-client';
import { GUICHI_HOSPITAL, JIANGHUAI, ok, PLACE_ORDER } from '../support/flow';
import { startTestHub, TestHub } from '../support/hub';
import { tokenFor } from '../support/tokens';

const P = DEMO.products;
const LINE = { productId: P.atorvastatinLingnan, quantity: 10, unitPrice: '0.1200' };

interface AuditRow extends Record<string, unknown> {
  actor_role: string;
  actor_org: string | null;
  actor_department: string | null;
  field: string;
  operation_type: string;
  entity_ids: string[];
  outcome: string;
  error_code: string | null;
}

/** Issue 8, audit trail: every mutation, every regulator read and every denied attempt leaves one row. */
describe('the audit trail', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ events: false });
  });
  afterAll(() => hub.close());

  async function auditOf(requestId: string): Promise<AuditRow[]> {
    return hub.db.query<AuditRow>('SELECT * FROM procurement.audit_event WHERE request_id = $1 ORDER BY id', [requestId]);
  }

  it('records a mutation with its actor, the ids involved and its outcome, in the same transaction', async () => {
    const hospital = { token: await tokenFor(GUICHI_HOSPITAL) };
    const response = await hub.query<{ placeOrder: { id: string } }>(hospital, PLACE_ORDER, { input: { distributorId: JIANGHUAI.org, lines: [LINE] } });
    const { placeOrder } = ok(response);
    const [row] = await auditOf(response.headers.get('x-request-id')!);
    expect(row).toMatchObject({ actor_role: 'INSTITUTION', actor_org: GUICHI_HOSPITAL.org, field: 'placeOrder', operation_type: 'mutation', outcome: 'OK' });
    expect(row.entity_ids).toEqual(expect.arrayContaining([JIANGHUAI.org, P.atorvastatinLingnan, placeOrder.id]));
  });

  it('records a rejected mutation as REJECTED while writing none of its work', async () => {
    const hospital = { token: await tokenFor(GUICHI_HOSPITAL) };
    const [{ n: before }] = await hub.db.query<{ n: number }>('SELECT count(*)::int AS n FROM procurement.purchase_order');
    const response = await hub.query(hospital, PLACE_ORDER, { input: { distributorId: JIANGHUAI.org, lines: [{ ...LINE, unitPrice: '99.0000' }] } });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    const [row] = await auditOf(response.headers.get('x-request-id')!);
    expect(row).toMatchObject({ field: 'placeOrder', outcome: 'REJECTED', error_code: 'BAD_USER_INPUT' });
    const [{ n: after }] = await hub.db.query<{ n: number }>('SELECT count(*)::int AS n FROM procurement.purchase_order');
    expect(after).toBe(before);
  });

  it('records a denied attempt, with who tried', async () => {
    const response = await hub.query('manufacturer', PLACE_ORDER, { input: { distributorId: JIANGHUAI.org, lines: [LINE] } });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    const [row] = await auditOf(response.headers.get('x-request-id')!);
    expect(row).toMatchObject({ actor_role: 'MANUFACTURER', actor_org: DEMO.enterprises.lingnanPharma, field: 'placeOrder', outcome: 'DENIED', error_code: 'FORBIDDEN' });
  });

  it('records every regulator read, and not an institution’s reads of its own data', async () => {
    const regulatorRead = await hub.query('insurance-regulator', '{ orders(page: { first: 5 }) { nodes { id } } }');
    expect(regulatorRead.body.errors).toBeUndefined();
    expect(await auditOf(regulatorRead.headers.get('x-request-id')!)).toEqual([
      expect.objectContaining({ actor_role: 'REGULATOR', actor_department: 'MEDICAL_INSURANCE', field: 'orders', operation_type: 'query', outcome: 'OK' }),
    ]);
    const hospitalRead = await hub.query('hospital', '{ orders(page: { first: 5 }) { nodes { id } } }');
    expect(hospitalRead.body.errors).toBeUndefined();
    expect(await auditOf(hospitalRead.headers.get('x-request-id')!)).toEqual([]);
  });

  it('fails the operation, writing nothing, when its audit row cannot be written', async () => {
    const hospital = { token: await tokenFor(GUICHI_HOSPITAL) };
    const [{ n: before }] = await hub.db.query<{ n: number }>('SELECT count(*)::int AS n FROM procurement.purchase_order');
    await hub.db.query(`ALTER TABLE procurement.audit_event ADD CONSTRAINT audit_unavailable CHECK (field <> 'placeOrder') NOT VALID`);
    try {
      const response = await hub.query(hospital, PLACE_ORDER, { input: { distributorId: JIANGHUAI.org, lines: [LINE] } });
      expect(errorCodes(response)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(response.body.data ?? null).toBeNull();
    } finally {
      await hub.db.query('ALTER TABLE procurement.audit_event DROP CONSTRAINT audit_unavailable');
    }
    const [{ n: after }] = await hub.db.query<{ n: number }>('SELECT count(*)::int AS n FROM procurement.purchase_order');
    expect(after).toBe(before);
  });

  it('cannot be changed or deleted by the application role', async () => {
    const pool = createDataSource({ url: hub.db.url, subgraph: 'procurement', entities: [] });
    await pool.initialize();
    try {
      for (const statement of ['UPDATE procurement.audit_event SET outcome = \'OK\'', 'DELETE FROM procurement.audit_event', 'TRUNCATE procurement.audit_event']) {
        const transaction = await RequestTransaction.open(pool, { subject: 'r', role: Role.REGULATOR, department: 'MEDICAL_INSURANCE', region: '000000' });
        await expect(transaction.manager.query(statement)).rejects.toThrow(/permission denied/);
        await transaction.rollback();
      }
    } finally {
      await pool.destroy();
    }
  });

  it('is readable by the supervising departments, for callers of their region only', async () => {
    const trail = await hub.query<{ procurementAuditTrail: { nodes: Array<{ actorRegion: string | null; field: string; outcome: string }> } }>(
      'insurance-regulator',
      '{ procurementAuditTrail(page: { first: 100 }) { nodes { actorRegion field outcome actorRole } } }',
    );
    const nodes = ok(trail).procurementAuditTrail.nodes;
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((n) => (n.actorRegion ?? '').startsWith('44'))).toBe(true);
    // The Guichi hospital's orders above were placed in Anhui: not the Guangdong regulator's business.
    expect(nodes.some((n) => n.actorRegion === '341702')).toBe(false);

    const denied = await hub.query<{ procurementAuditTrail: unknown }>('market-regulator', '{ procurementAuditTrail { nodes { field } } }');
    expect(errorCodes(denied)).toEqual(['FORBIDDEN']);
    const hospital = await hub.query('hospital', '{ procurementAuditTrail { nodes { field } } }');
    expect(errorCodes(hospital)).toEqual(['FORBIDDEN']);
  });
});
