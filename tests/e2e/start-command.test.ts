import { ChildProcess, spawn } from 'node:child_process';
import { freePort } from '../../scripts/lib/embedded-database';
import { createTestDatabase, TestDatabase } from '../support/database';
import { postGraphQL } from '../support/graphql-client';
import { personaToken } from '../support/tokens';
import { TEST_JWT } from '../support/test-environment';

/**
 * `npm start`'s own entry point (dist/scripts/start.js, the same processes Docker runs), pointed at a
 * test database with DATABASE_URL: it migrates, loads demo data, serves the gateway, and Ctrl-C stops all.
 */
describe('the start command', () => {
  let db: TestDatabase;
  let hub: ChildProcess;
  let output = '';
  const ports: Record<string, number> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    for (const name of ['GATEWAY', 'PROCUREMENT', 'INSURANCE', 'QUALITY', 'DISTRIBUTION']) ports[name] = await freePort();
    hub = spawn(process.execPath, ['dist/scripts/start.js'], {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: db.url,
        JWT_SECRET: TEST_JWT.secret,
        LOG_LEVEL: 'warn',
        ...Object.fromEntries(Object.entries(ports).map(([name, port]) => [`${name}_PORT`, String(port)])),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    hub.stdout!.on('data', (chunk) => (output += chunk));
    hub.stderr!.on('data', (chunk) => (output += chunk));
    // Generous: on a loaded two-core machine the five processes need most of a minute to migrate, seed and compose.
    const deadline = Date.now() + 100_000;
    for (;;) {
      if (hub.exitCode !== null) throw new Error(`start exited early:\n${output}`);
      const ready = await fetch(`http://127.0.0.1:${ports.GATEWAY}/ready`).then((r) => r.ok, () => false);
      if (ready) break;
      if (Date.now() > deadline) throw new Error(`the hub did not become ready:\n${output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }, 120_000);

  afterAll(async () => {
    if (hub.exitCode === null) hub.kill('SIGKILL');
    await db.drop();
  });

  it('serves demo data through the gateway', async () => {
    const response = await postGraphQL<{ products: { nodes: Array<{ manufacturer: { name: string } }> } }>(
      `http://127.0.0.1:${ports.GATEWAY}/graphql`,
      { query: '{ products { nodes { manufacturer { name } } } }' },
      { token: await personaToken('hospital') },
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.products.nodes).toHaveLength(6);
  });

  it('stops every service cleanly on Ctrl-C (SIGINT)', async () => {
    const exited = new Promise<number | null>((resolve) => hub.once('exit', (code) => resolve(code)));
    hub.kill('SIGINT');
    expect(await exited).toBe(0);
    for (const port of Object.values(ports)) {
      await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
    }
  }, 30_000);
});
