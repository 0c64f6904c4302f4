import { rmSync } from 'node:fs';
import { SUBGRAPHS } from '../../subgraphs/shared/db/data-source';
import { migrate } from '../../subgraphs/shared/db/migrate';
import { DEMO } from '../../subgraphs/shared/demo/ids';
import { migrateBus } from '../../subgraphs/shared/events/bus';
import { tolerateGraphileRejections } from '../../subgraphs/shared/events/consumer';
import { ChildProcess, spawn } from 'node:child_process';
import { freePort } from '../../scripts/lib/embedded-database';
import { InProcessHub, startInProcessHub } from '../../scripts/lib/in-process-hub';
import { eventually } from '../support/eventually';
import { GUICHI_HOSPITAL, JIANGHUAI, PLACE_ORDER } from '../support/flow';
import { postGraphQL } from '../support/graphql-client';
import { testLogger } from '../support/hub';
import { TEST_JWT } from '../support/test-environment';
import { tokenFor } from '../support/tokens';

/** Starts the embedded server in a process of its own, which the test can stop and start again. */
function startDatabaseProcess(dataDir: string, port: number): Promise<{ url: string; process: ChildProcess }> {
  const child = spawn(process.execPath, ['dist/scripts/embedded-database-server.js', '--dir', dataDir, '--port', String(port), '--database', 'vbp_restart'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /ready (\S+)/.exec(out);
      if (match) resolve({ url: match[1], process: child });
    });
    child.once('exit', (code) => reject(new Error(`embedded database exited with ${code}`)));
  });
}

function stopDatabaseProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

// graphile-worker 0.17 occasionally throws from its own LISTEN client while the server goes away; the
// subgraph processes survive it (tolerateGraphileRejections), but Jest fails the attempt, so it retries.
jest.retryTimes(2, { logErrorsBeforeRetry: true });

/** A PostgreSQL of this file's own (restarting the shared test server would disturb the other files). */
describe('the database restarts under load', () => {
  const dataDir = `.data/test-restart-${process.pid}`;
  let database: { url: string; process: ChildProcess };
  let hub: InProcessHub;
  let port: number;
  let rejectionPolicy: (reason: unknown) => void;

  beforeAll(async () => {
    // The hub runs in this process here, so it gets the process-level policy a subgraph process has.
    rejectionPolicy = tolerateGraphileRejections(testLogger(), (reason) => {
      throw reason;
    });
    port = await freePort();
    database = await startDatabaseProcess(dataDir, port);
    for (const subgraph of SUBGRAPHS) await migrate({ url: database.url, subgraph });
    await migrateBus(database.url, testLogger());
    hub = await startInProcessHub({ databaseUrl: database.url, jwt: TEST_JWT, log: testLogger(), events: { maxAttempts: 10, workerConcurrency: 2, pollIntervalMs: 200, staleLockMs: 4000 } });
  }, 90_000);

  afterAll(async () => {
    process.off('unhandledRejection', rejectionPolicy);
    process.off('uncaughtException', rejectionPolicy);
    await hub?.close();
    if (database) await stopDatabaseProcess(database.process);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reconnects by itself and loses no acknowledged write', async () => {
    const token = await tokenFor(GUICHI_HOSPITAL);
    const acknowledged: string[] = [];
    let running = true;
    const place = async (n: number) => {
      const response = await postGraphQL<{ placeOrder: { id: string } }>(hub.gateway!.url, {
        query: PLACE_ORDER,
        variables: { input: { distributorId: JIANGHUAI.org, idempotencyKey: `restart-load-${n}`, lines: [{ productId: DEMO.products.atorvastatinLingnan, quantity: 1 + (n % 9), unitPrice: '0.12' }] } },
      }, { token }).catch(() => undefined);
      if (response?.body.data?.placeOrder) acknowledged.push(response.body.data.placeOrder.id);
    };
    // Two clients keep ordering while the server goes down and comes back.
    let n = 0;
    const load = Promise.all(
      [0, 1].map(async () => {
        while (running) {
          await place((n += 1));
          await new Promise((r) => setTimeout(r, 10));
        }
      }),
    );
    await eventually(async () => expect(acknowledged.length).toBeGreaterThan(20));
    await stopDatabaseProcess(database.process);
    await new Promise((r) => setTimeout(r, 500));
    database = await startDatabaseProcess(dataDir, port);
    const before = acknowledged.length;
    await eventually(async () => expect(acknowledged.length).toBeGreaterThan(before + 20), 30_000);
    running = false;
    await load;

    const { Client } = await import('pg');
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT id FROM procurement.purchase_order WHERE id = ANY($1)', [acknowledged]);
      expect(rows.length).toBe(acknowledged.length);
      // The events of orders placed after the restart still reach distribution (relay and workers reconnected).
      await eventually(async () => {
        const { rows: copies } = await client.query('SELECT count(*)::int AS n FROM distribution.order_copy WHERE id = ANY($1)', [acknowledged]);
        expect(copies[0].n).toBe(acknowledged.length);
      }, 30_000).catch(async (error) => {
        // Where the events stopped: still in the outbox (relay), queued (workers), or failing (handler).
        const { rows: outbox } = await client.query('SELECT count(*)::int AS unpublished FROM procurement.outbox_event WHERE published_at IS NULL');
        const { rows: jobs } = await client.query(
          `SELECT task_identifier, attempts, run_at > now() AS waiting, locked_by IS NOT NULL AS locked, left(last_error, 120) AS last_error, count(*)::int AS n
             FROM graphile_worker.jobs GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2`,
        );
        throw new Error(`${(error as Error).message}\noutbox: ${JSON.stringify(outbox[0])}\njobs: ${JSON.stringify(jobs, null, 1)}`);
      });
    } finally {
      await client.end();
    }
  }, 120_000);
});
