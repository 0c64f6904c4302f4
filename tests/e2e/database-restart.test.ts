import { rmSync } from 'node:fs';
import { DEMO } from '../../subgraphs/shared/demo/ids';
import { ChildProcess, spawn } from 'node:child_process';
import { freePort } from '../../scripts/lib/embedded-database';
import { eventually } from '../support/eventually';
import { GUICHI_HOSPITAL, JIANGHUAI, PLACE_ORDER } from '../support/flow';
import { postGraphQL } from '../support/graphql-client';
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

/**
 * The hub as `npm start` runs it (gateway and four subgraph processes, each with the process-level
 * policy of production), pointed at a PostgreSQL of this file's own, which the test stops and starts
 * (restarting the shared test server would disturb the other files).
 */
describe('the database restarts under load', () => {
  const dataDir = `.data/test-restart-${process.pid}`;
  let database: { url: string; process: ChildProcess };
  let hub: ChildProcess;
  let gatewayUrl: string;
  let output = '';
  let databasePort: number;

  beforeAll(async () => {
    databasePort = await freePort();
    database = await startDatabaseProcess(dataDir, databasePort);
    const ports: Record<string, number> = {};
    for (const name of ['GATEWAY', 'PROCUREMENT', 'INSURANCE', 'QUALITY', 'DISTRIBUTION']) ports[name] = await freePort();
    gatewayUrl = `http://127.0.0.1:${ports.GATEWAY}/graphql`;
    hub = spawn(process.execPath, ['dist/scripts/start.js'], {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: database.url,
        JWT_SECRET: TEST_JWT.secret,
        LOG_LEVEL: 'warn',
        EVENT_POLL_MS: '200',
        EVENT_STALE_LOCK_MS: '4000',
        ...Object.fromEntries(Object.entries(ports).map(([name, p]) => [`${name}_PORT`, String(p)])),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    hub.stdout!.on('data', (chunk) => (output += chunk));
    hub.stderr!.on('data', (chunk) => (output += chunk));
    const deadline = Date.now() + 100_000;
    for (;;) {
      if (hub.exitCode !== null) throw new Error(`the hub exited while starting:\n${output.slice(-3000)}`);
      if (await fetch(`http://127.0.0.1:${ports.GATEWAY}/ready`).then((r) => r.ok, () => false)) break;
      if (Date.now() > deadline) throw new Error(`the hub did not become ready:\n${output.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }, 120_000);

  afterAll(async () => {
    if (hub && hub.exitCode === null) {
      const exited = new Promise((resolve) => hub.once('exit', resolve));
      hub.kill('SIGINT');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (hub.exitCode === null) hub.kill('SIGKILL');
    }
    if (database) await stopDatabaseProcess(database.process);
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('reconnects by itself and loses no acknowledged write', async () => {
    const token = await tokenFor(GUICHI_HOSPITAL);
    const acknowledged: string[] = [];
    let running = true;
    const place = async (n: number) => {
      const response = await postGraphQL<{ placeOrder: { id: string } }>(gatewayUrl, {
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
    database = await startDatabaseProcess(dataDir, databasePort);
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
      }, 60_000).catch(async (error) => {
        // Where the events stopped: still in the outbox (relay), queued (workers), or failing (handler).
        const { rows: outbox } = await client.query('SELECT count(*)::int AS unpublished FROM procurement.outbox_event WHERE published_at IS NULL');
        const { rows: jobs } = await client.query(
          `SELECT task_identifier, attempts, run_at > now() AS waiting, locked_by IS NOT NULL AS locked, left(last_error, 120) AS last_error, count(*)::int AS n
             FROM graphile_worker.jobs GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2`,
        );
        throw new Error(`${(error as Error).message}\noutbox: ${JSON.stringify(outbox[0])}\njobs: ${JSON.stringify(jobs, null, 1)}\nhub: ${output.slice(-3000)}`);
      });
    } finally {
      await client.end();
    }
  }, 150_000);
});
