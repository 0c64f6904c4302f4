import { ChildProcess, fork } from 'node:child_process';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError, loadConfig, portSchema } from '../subgraphs/shared/config';
import { createLogger } from '../subgraphs/shared/logger';
import { DEFAULT_SUBGRAPH_PORTS, SUBGRAPHS, SubgraphName } from '../subgraphs/shared/subgraph-names';
import type { EmbeddedDatabase } from './lib/embedded-database';

/**
 * `npm start`: the whole hub on one machine. Starts the embedded PostgreSQL (unless DATABASE_URL points
 * elsewhere), then the four subgraph processes (each migrates its own schema and loads demo data into an
 * empty one), then the gateway. Ctrl-C stops them all, the database last.
 */
const configSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  EMBEDDED_PG_PORT: portSchema.default(54320),
  EMBEDDED_PG_DIR: z.string().min(1).default('.data/postgres'),
  GATEWAY_PORT: portSchema.default(4000),
  LOG_LEVEL: z.string().default('info'),
  /**
   * Old-generation heap of each service process, in MiB. V8 otherwise lets an idle-looking heap grow
   * towards gigabytes under load before collecting; with requests admitted a few at a time
   * (MAX_REQUESTS_IN_FLIGHT) a service's live data stays far below this.
   */
  SERVICE_HEAP_MB: z.coerce.number().int().min(64).max(16384).default(192),
  ...Object.fromEntries(SUBGRAPHS.map((name) => [`${name.toUpperCase()}_PORT`, portSchema.default(DEFAULT_SUBGRAPH_PORTS[name])])),
});

const log = createLogger('hub');
const children: Array<{ name: string; process: ChildProcess }> = [];
let database: EmbeddedDatabase | undefined;
let stopping = false;

async function waitUntilReady(name: string, port: number, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} while starting`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} was not ready on port ${port} within ${timeoutMs / 1000} s`);
}

function startChild(name: string, script: string, env: NodeJS.ProcessEnv, heapMiB: number): ChildProcess {
  const child = fork(script, [], { env: { ...process.env, ...env }, stdio: 'inherit', execArgv: [...process.execArgv, `--max-old-space-size=${heapMiB}`] });
  children.push({ name, process: child });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      log.error({ service: name, code, signal }, 'a service stopped unexpectedly; stopping the hub');
      void shutdown(1);
    }
  });
  return child;
}

async function shutdown(exitCode: number): Promise<never> {
  if (stopping && exitCode === 0) return new Promise<never>(() => undefined);
  stopping = true;
  // The gateway first, so no new work reaches the subgraphs; then the subgraphs; the database last.
  for (const group of [children.filter((c) => c.name === 'gateway'), children.filter((c) => c.name !== 'gateway')]) {
    await Promise.all(group.map(({ process: child }) => stopChild(child)));
  }
  if (database) {
    await database.stop().catch((error) => log.error({ err: error }, 'embedded PostgreSQL did not stop cleanly'));
    log.info('embedded PostgreSQL stopped');
  }
  process.exit(exitCode);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(killer);
      done();
    });
    child.kill('SIGTERM');
  });
}

async function main(): Promise<void> {
  const config = loadConfig(configSchema) as z.infer<typeof configSchema> & Record<string, number>;
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    log.info({ dir: config.EMBEDDED_PG_DIR, port: config.EMBEDDED_PG_PORT }, 'starting embedded PostgreSQL');
    // Loaded only when needed: the supervisor stays small when the database is elsewhere.
    const { startEmbeddedDatabase } = await import('./lib/embedded-database');
    database = await startEmbeddedDatabase({ dataDir: config.EMBEDDED_PG_DIR, port: config.EMBEDDED_PG_PORT, database: 'vbp' });
    databaseUrl = database.url;
  }

  const dist = resolve(__dirname, '..');
  const ports = Object.fromEntries(SUBGRAPHS.map((name) => [name, config[`${name.toUpperCase()}_PORT`]])) as Record<SubgraphName, number>;
  const started = SUBGRAPHS.map((name) => ({
    name,
    child: startChild(name, join(dist, 'subgraphs', name, 'main.js'), { DATABASE_URL: databaseUrl, PORT: String(ports[name]) }, config.SERVICE_HEAP_MB),
  }));
  await Promise.all(started.map(({ name, child }) => waitUntilReady(name, ports[name], child)));

  const gateway = startChild('gateway', join(dist, 'gateway', 'main.js'), {
    PORT: String(config.GATEWAY_PORT),
    ...Object.fromEntries(SUBGRAPHS.map((name) => [`${name.toUpperCase()}_URL`, `http://127.0.0.1:${ports[name]}/graphql`])),
  }, config.SERVICE_HEAP_MB);
  await waitUntilReady('gateway', config.GATEWAY_PORT, gateway);
  log.info(
    { gateway: `http://127.0.0.1:${config.GATEWAY_PORT}/graphql` },
    'the hub is up: get a token with `npm run token -- --persona hospital` (see README) and POST queries to the gateway',
  );
}

main().catch(async (error) => {
  log.error({ err: error instanceof ConfigError ? error.message : error }, 'the hub failed to start');
  await shutdown(1);
});
