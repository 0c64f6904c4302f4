import 'reflect-metadata';
import autocannon from 'autocannon';
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { openSync, readdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Pool } from 'pg';
import { Identity, Department, Role } from '../subgraphs/shared/auth/identity';
import { signDevelopmentToken } from '../subgraphs/shared/auth/tokens';
import { baseConfigSchema, jwtSettings, loadConfig } from '../subgraphs/shared/config';
import { SQL_STATEMENTS_HEADER } from '../subgraphs/shared/http/workload-headers';
import { startEmbeddedDatabase } from './lib/embedded-database';
import { createServer } from 'node:net';
import { BENCH_DATABASE, SCALES, syntheticEnterpriseRegion, syntheticId } from './lib/synthetic-province';
import { purchasedBetween } from '../subgraphs/procurement/completion/purchased';

/**
 * `npm run bench`: drives the running hub over HTTP with autocannon, over the synthetic province of
 * `npm run bench:data`, and prints one table: for each workload, the same answer from hand-written SQL
 * (the floor), our gateway, the subgraph alone (the gateway's overhead), and Hive Gateway on the same
 * subgraphs, with p50, p99, requests per second, SQL statements per request, and the hub's memory.
 */
const SEED = 1;
const AS_OF = '2026-11-30';
const CITY = '440300';

type Variant = 'sql' | 'gateway' | 'subgraph' | 'hive';
interface Measured {
  p50: number;
  p99: number;
  rps: number;
  statements: number | undefined;
  errors: number;
  /** Why the variant gave no answer (a GraphQL error), instead of timings of error responses. */
  failure?: string;
}

interface Endpoints {
  gateway: string;
  hive: string;
  subgraph: Record<string, string>;
}

/** One GraphQL workload: the operation through a gateway, its part on one subgraph, and its SQL floor. */
interface Workload {
  name: string;
  connections: number;
  token: string;
  query: string;
  subgraph: { name: string; query: string };
  sql: { text: string; params: unknown[] };
  /** Makes each request's body (a write needs a fresh idempotency key). */
  body?: () => string;
  /** Requests to send instead of running for the duration (slow writes). */
  amount?: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Runs an operation with autocannon for `seconds` (or `amount` requests). */
async function drive(url: string, workload: Workload, query: string, seconds: number): Promise<Measured> {
  const fixed = JSON.stringify({ query });
  const result = await autocannon({
    url,
    method: 'POST',
    connections: workload.connections,
    // Slow answers are measured, not dropped (autocannon's default gives up after 10 s).
    timeout: 60,
    ...(workload.amount ? { amount: workload.amount } : { duration: seconds }),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${workload.token}` },
    ...(workload.body ? { requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, body: workload.body!() }) }] } : { body: fixed }),
  });
  let failure: string | undefined;
  const statements = await statementsOf(url, workload.body ? workload.body() : fixed, workload.token).catch((error) => {
    failure = (error as Error).message.slice(0, 80);
    return undefined;
  });
  return { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average, statements, errors: result.errors + result.non2xx, failure };
}

/** One request, to read the statement count the server reports (our gateway: the sum over its subgraph calls). */
async function statementsOf(url: string, body: string, token: string): Promise<number | undefined> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
  const json = (await response.json()) as { errors?: Array<{ message: string }> };
  if (json.errors) throw new Error(`${url}: ${json.errors[0].message}`);
  const header = response.headers.get(SQL_STATEMENTS_HEADER);
  // Hive Gateway passes each subgraph's header on, comma-separated.
  return header ? header.split(',').reduce((sum, n) => sum + Number(n), 0) : undefined;
}

/** The floor: the same answer by hand-written SQL on a pool as large as the hub's, same concurrency. */
async function driveSql(pool: Pool, workload: Workload, seconds: number): Promise<Measured> {
  const latencies: number[] = [];
  const deadline = Date.now() + seconds * 1000;
  let sent = 0;
  const client = async () => {
    while (workload.amount ? sent < workload.amount : Date.now() < deadline) {
      sent += 1;
      const started = performance.now();
      const params = workload.body ? workload.sql.params.map((p) => (p === 'fresh-uuid' ? randomUUID() : p)) : workload.sql.params;
      await pool.query(workload.sql.text, params);
      latencies.push(performance.now() - started);
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: workload.connections }, client));
  latencies.sort((a, b) => a - b);
  return { p50: Math.round(percentile(latencies, 50)), p99: Math.round(percentile(latencies, 99)), rps: latencies.length / ((Date.now() - started) / 1000), statements: 1, errors: 0 };
}

/** Resident memory of a process and of each of its descendants, in MiB, by name (Linux /proc). */
function residentMiB(root: number): Map<string, number> {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended meanwhile
    }
  }
  const byName = new Map<string, number>();
  const visit = (pid: number) => {
    try {
      const kib = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      // dist/subgraphs/insurance/main.js → insurance; dist/gateway/main.js → gateway; dist/scripts/start.js → start
      const script = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').find((arg) => arg.endsWith('.js')) ?? '';
      const name = /(\w+)\/main\.js$/.exec(script)?.[1] ?? /(\w[\w-]*)\.js$/.exec(script)?.[1] ?? String(pid);
      byName.set(name, (byName.get(name) ?? 0) + kib / 1024);
    } catch {
      return;
    }
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return byName;
}

/** Peak resident memory of a process tree: of the whole (at one instant) and of each process. */
class MemoryPeak {
  total = 0;
  readonly each = new Map<string, number>();

  sample(root: number): void {
    const now = residentMiB(root);
    this.total = Math.max(this.total, [...now.values()].reduce((a, b) => a + b, 0));
    for (const [name, mib] of now) this.each.set(name, Math.max(this.each.get(name) ?? 0, mib));
  }

  toString(): string {
    return `${this.total.toFixed(0)} MiB (peak of each: ${[...this.each].map(([name, mib]) => `${name} ${mib.toFixed(0)}`).join(', ')})`;
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer().once('error', () => resolve(false)).once('listening', () => probe.close(() => resolve(true)));
    probe.listen(port, '127.0.0.1');
  });
}

/** Starts a process whose log goes to `logFile`, and resolves once `ready` says so. */
function spawnReady(script: string, env: NodeJS.ProcessEnv, ready: () => Promise<boolean>, logFile: string): Promise<ChildProcess> {
  const log = openSync(logFile, 'w');
  const child = spawn(process.execPath, [script], { env: { ...process.env, ...env }, stdio: ['ignore', log, log] });
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 120_000;
    const poll = async () => {
      if (child.exitCode !== null) return reject(new Error(`${script} exited with ${child.exitCode}`));
      if (await ready().catch(() => false)) return resolve(child);
      if (Date.now() > deadline) return reject(new Error(`${script} was not ready in time`));
      setTimeout(poll, 300);
    };
    void poll();
  });
}

function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGINT');
    setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { duration: { type: 'string', default: '10' }, only: { type: 'string' }, port: { type: 'string', default: '4600' } } });
  const seconds = Number(values.duration);
  const jwt = jwtSettings(loadConfig(baseConfigSchema));
  if (jwt.kind !== 'secret') throw new Error('Unset JWKS_URL: the benchmark signs its own tokens');
  const server = process.env.DATABASE_URL ? undefined : await startEmbeddedDatabase(BENCH_DATABASE);
  const url = process.env.DATABASE_URL ?? server!.url;
  const pool = new Pool({ connectionString: url, max: 10 });
  let hub: ChildProcess | undefined;
  let hive: ChildProcess | undefined;
  try {
    const scale = await provinceScale(pool);
    // Fixed ports below the ephemeral range: a port picked free at random can be taken by an outgoing
    // database connection before the service binds it.
    const base = Number(values.port);
    const ports = { gateway: base, hive: base + 1, procurement: base + 2, insurance: base + 3, quality: base + 4, distribution: base + 5 };
    for (const port of Object.values(ports)) if (!(await portIsFree(port))) throw new Error(`port ${port} is taken; pass --port <another base>`);
    const endpoints: Endpoints = {
      gateway: `http://127.0.0.1:${ports.gateway}/graphql`,
      hive: `http://127.0.0.1:${ports.hive}/graphql`,
      subgraph: Object.fromEntries(['procurement', 'insurance', 'quality', 'distribution'].map((n) => [n, `http://127.0.0.1:${ports[n as 'procurement']}/graphql`])),
    };
    const subgraphUrls = Object.fromEntries(Object.entries(endpoints.subgraph).map(([n, u]) => [`${n.toUpperCase()}_URL`, u]));
    console.log(`Starting the hub (npm start's processes) and Hive Gateway on ${new URL(url).pathname.slice(1)} …`);
    hub = await spawnReady('dist/scripts/start.js', {
      DATABASE_URL: url,
      LOG_LEVEL: 'warn',
      GATEWAY_PORT: String(ports.gateway),
      PROCUREMENT_PORT: String(ports.procurement),
      INSURANCE_PORT: String(ports.insurance),
      QUALITY_PORT: String(ports.quality),
      DISTRIBUTION_PORT: String(ports.distribution),
      SUPERGRAPH_SOURCE: 'file',
      GATEWAY_REQUESTS_PER_MINUTE: '10000000',
    }, () => fetch(`http://127.0.0.1:${ports.gateway}/ready`).then((r) => r.ok), '.data/bench-hub.log');
    hive = await spawnReady('dist/scripts/hive-gateway.js', { PORT: String(ports.hive), ...subgraphUrls }, () =>
      fetch(endpoints.hive, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }).then((r) => r.ok),
      '.data/bench-hive.log',
    );
    console.log('Logs: .data/bench-hub.log, .data/bench-hive.log');

    const workloads = await defineWorkloads(jwt, scale);
    const peak = { hub: new MemoryPeak(), hive: new MemoryPeak() };
    const sampler = setInterval(() => {
      peak.hub.sample(hub!.pid!);
      peak.hive.sample(hive!.pid!);
    }, 500);
    const rows: Array<{ workload: Workload; results: Record<Variant, Measured | undefined> }> = [];
    for (const workload of workloads.filter((w) => !values.only || w.name.includes(values.only))) {
      process.stdout.write(`  ${workload.name} …`);
      // A warm-up, so the first variant does not pay for cold caches and plans.
      await drive(endpoints.gateway, { ...workload, amount: workload.amount ? 1 : 5, connections: 1 }, workload.query, 1);
      // A variant that fails is reported as failed; the others still run.
      const attempt = (run: () => Promise<Measured>): Promise<Measured> =>
        run().catch((error) => ({ p50: NaN, p99: NaN, rps: 0, statements: undefined, errors: 1, failure: String((error as Error).message).slice(0, 80) }));
      const results: Record<Variant, Measured | undefined> = {
        sql: await attempt(() => driveSql(pool, workload, seconds)),
        gateway: await attempt(() => drive(endpoints.gateway, workload, workload.query, seconds)),
        subgraph: await attempt(() => drive(endpoints.subgraph[workload.subgraph.name], workload, workload.subgraph.query, seconds)),
        hive: await attempt(() => drive(endpoints.hive, workload, workload.query, seconds)),
      };
      rows.push({ workload, results });
      process.stdout.write(` done: SQL ${results.sql!.p50} ms, gateway ${results.gateway!.p50} ms, subgraph ${results.subgraph!.p50} ms, Hive ${results.hive!.p50} ms (p50)\n`);
    }
    clearInterval(sampler);
    printTable(rows, peak);
  } finally {
    await stop(hive);
    await stop(hub);
    await pool.end();
    await server?.stop();
  }
}

/** The generated province's scale, or a clear refusal when `npm run bench:data` has not been run. */
async function provinceScale(pool: Pool): Promise<keyof typeof SCALES> {
  const { rows } = await pool.query('SELECT count(*)::int AS n FROM procurement.institution WHERE name LIKE $1', ['%(synthetic institution)']);
  const found = (Object.keys(SCALES) as Array<keyof typeof SCALES>).find((k) => SCALES[k].institutions === rows[0].n);
  if (!found) throw new Error('No synthetic province here: run `npm run bench:data -- --scale province` first');
  return found;
}

async function defineWorkloads(jwt: Parameters<typeof signDevelopmentToken>[1], scale: keyof typeof SCALES): Promise<Workload[]> {
  const { manufacturers } = SCALES[scale];
  const regulator: Identity = { subject: 'bench-gd-insurance', role: Role.REGULATOR, department: Department.MEDICAL_INSURANCE, region: '440000' };
  const hospitalId = syntheticId(SEED, 'institution', 1);
  const hospital: Identity = { subject: 'bench-hospital', role: Role.INSTITUTION, region: '440302', org: hospitalId };
  const manufacturerNo = 2;
  const manufacturer: Identity = { subject: 'bench-manufacturer', role: Role.MANUFACTURER, region: syntheticEnterpriseRegion(manufacturerNo), org: syntheticId(SEED, 'enterprise', manufacturerNo) };
  const batch = syntheticId(SEED, 'batch', 1);
  const [regulatorToken, hospitalToken, manufacturerToken] = await Promise.all([regulator, hospital, manufacturer].map((i) => signDevelopmentToken(i, jwt, '2h')));

  const summary = (region: string) =>
    `{ completionProgress(batchId: "${batch}", regionCode: "${region}", asOf: "${AS_OF}") { summary { institutions laggingInstitutions agreedVolumes laggingVolumes agreedAmount purchasedAmount completionRate expectedRate } } }`;
  // The floor: the same reading of the kept per-agreed-volume purchases (less what was bought after
  // asOf), written by hand and run as the tables' owner (no row-level security, no scope clause, no
  // GraphQL), aggregated in one statement.
  const summarySql = `
    WITH later AS MATERIALIZED (
      SELECT k.agreed_volume_id, ${purchasedBetween('k.institution_id', 'k.product_id', '$3::date + 1', 'k.contract_year_end')} AS quantity
        FROM procurement.agreed_volume_purchase k
       WHERE k.batch_id = $1 AND k.region_code LIKE $2 AND $3::date BETWEEN k.contract_year_start AND k.contract_year_end AND k.last_purchased_on > $3),
    progress AS (
      SELECT k.institution_id, k.winning_product_id, k.agreed_quantity AS quantity, k.purchased_quantity - coalesce(l.quantity, 0) AS purchased,
             (k.purchased_quantity - coalesce(l.quantity, 0)) * (k.contract_year_end - k.contract_year_start + 1) < k.agreed_quantity * ($3::date - k.contract_year_start + 1) AS lagging
        FROM procurement.agreed_volume_purchase k LEFT JOIN later l ON l.agreed_volume_id = k.agreed_volume_id
       WHERE k.batch_id = $1 AND k.region_code LIKE $2 AND $3::date BETWEEN k.contract_year_start AND k.contract_year_end),
    grouped AS (
      SELECT institution_id, winning_product_id, GROUPING(institution_id) = 0 AS per_institution, bool_or(lagging) AS lagging,
             count(*) AS agreed_volumes, sum(quantity) AS agreed, sum(purchased) AS purchased
        FROM progress GROUP BY GROUPING SETS ((winning_product_id), (institution_id)))
    SELECT (SELECT count(*) FROM grouped WHERE per_institution) AS institutions,
           (SELECT count(*) FROM grouped WHERE per_institution AND lagging) AS lagging_institutions,
           sum(g.agreed_volumes) AS agreed_volumes, sum(g.agreed * w.winning_price) AS agreed_amount, sum(g.purchased * w.winning_price) AS purchased_amount
      FROM grouped g JOIN procurement.winning_product w ON w.id = g.winning_product_id WHERE NOT g.per_institution`;

  const settlementFields = 'id amount dueDate status paidAmount';
  const settlements = `{ settlements(filter: { institutionId: "${hospitalId}" }, page: { first: 200 }) { nodes { ${settlementFields} institution { name } enterprise { name } lines { quantity amount product { name manufacturer { name } } } } } }`;
  const settlementsAlone = `{ settlements(filter: { institutionId: "${hospitalId}" }, page: { first: 200 }) { nodes { ${settlementFields} institution { id } enterprise { id } lines { quantity amount product { id } } } } }`;
  const settlementsSql = `
    SELECT s.id, s.amount, s.due_date, s.paid_amount, i.name AS institution, e.name AS enterprise,
           json_agg(json_build_object('quantity', l.quantity, 'amount', l.amount, 'product', p.name, 'manufacturer', m.name) ORDER BY l.line_no) AS lines
      FROM (SELECT * FROM insurance.settlement WHERE institution_id = $1 ORDER BY id LIMIT 200) s
      JOIN procurement.institution i ON i.id = s.institution_id
      JOIN distribution.enterprise e ON e.id = s.enterprise_id
      JOIN insurance.settlement_line l ON l.settlement_id = s.id
      JOIN procurement.product p ON p.id = l.product_id
      JOIN distribution.enterprise m ON m.id = p.manufacturer_id
     GROUP BY s.id, s.amount, s.due_date, s.paid_amount, i.name, e.name ORDER BY s.id`;

  const deep = `{ orders(filter: { institutionId: "${hospitalId}" }, page: { first: 20 }) { nodes { id state delivery { status confirmedAt settlement(asOf: "${AS_OF}") { status amount } } lines { quantity product { name manufacturer { name creditCode bans(on: "${AS_OF}") { regionCode endsOn } } } } } } }`;
  const deepAlone = `{ orders(filter: { institutionId: "${hospitalId}" }, page: { first: 20 }) { nodes { id state lines { quantity product { name manufacturer { id } } } } } }`;
  const deepSql = `
    SELECT o.id, o.state, d.status, d.confirmed_at, s.paid_on, s.amount,
           json_agg(json_build_object('quantity', l.quantity, 'product', p.name, 'manufacturer', m.name, 'creditCode', m.credit_code,
                    'bans', (SELECT coalesce(json_agg(json_build_object('regionCode', b.region_code, 'endsOn', b.ends_on)), '[]') FROM quality.enterprise_ban b
                              WHERE b.enterprise_id = m.id AND b.starts_on <= $2::date AND b.ends_on >= $2::date AND (b.lifted_on IS NULL OR b.lifted_on > $2::date)))
                    ORDER BY l.line_no)
      FROM (SELECT * FROM procurement.purchase_order WHERE institution_id = $1 ORDER BY id LIMIT 20) o
      LEFT JOIN distribution.delivery d ON d.order_id = o.id
      LEFT JOIN insurance.settlement s ON s.delivery_id = d.id
      JOIN procurement.order_line l ON l.order_id = o.id
      JOIN procurement.product p ON p.id = l.product_id
      JOIN distribution.enterprise m ON m.id = p.manufacturer_id
     GROUP BY o.id, o.state, d.status, d.confirmed_at, s.paid_on, s.amount ORDER BY o.id`;

  // 10,000 stock lines of the manufacturer's own products: 5 products × 100 districts × 20 batch numbers.
  const products = Array.from({ length: 5 }, (_, k) => syntheticId(SEED, 'product', manufacturerNo - 1 + k * manufacturers));
  const lines = Array.from({ length: 10_000 }, (_, i) => ({
    productId: products[i % products.length],
    regionCode: `44${String(1 + (Math.floor(i / 5) % 20)).padStart(2, '0')}${String(1 + (Math.floor(i / 100) % 5)).padStart(2, '0')}`,
    batchNumber: `BN${i % 20}`,
    quantityOnHand: 100 + (i % 900),
    emergencyReserve: i % 7,
  }));
  const stockMutation = 'mutation ($input: ReportStockInput!) { reportStock(input: $input) { id lineCount } }';
  const stockBody = () => JSON.stringify({ query: stockMutation, variables: { input: { idempotencyKey: `bench-${randomUUID()}`, lines } } });
  const stockSql = `
    WITH report AS (
      INSERT INTO distribution.stock_report (id, enterprise_id, idempotency_key, request_hash, line_count, reported_at)
      VALUES ($1, $2, $8, 'bench', 10000, now()) RETURNING id),
    inserted AS (
      INSERT INTO distribution.stock_report_line (report_id, line_no, product_id, region_code, batch_number, quantity_on_hand, emergency_reserve)
      SELECT (SELECT id FROM report), l.ord, l.product_id, l.region_code, l.batch_number, l.quantity, l.reserve
        FROM unnest($3::uuid[], $4::text[], $5::text[], $6::bigint[], $7::bigint[]) WITH ORDINALITY AS l(product_id, region_code, batch_number, quantity, reserve, ord)
      RETURNING product_id, region_code, quantity_on_hand, emergency_reserve)
    INSERT INTO distribution.stock_level (enterprise_id, product_id, region_code, quantity_on_hand, emergency_reserve, report_id, reported_at)
    SELECT $2, product_id, region_code, sum(quantity_on_hand), sum(emergency_reserve), (SELECT id FROM report), now() FROM inserted GROUP BY product_id, region_code
    ON CONFLICT (enterprise_id, product_id, region_code) DO UPDATE
      SET quantity_on_hand = EXCLUDED.quantity_on_hand, emergency_reserve = EXCLUDED.emergency_reserve, report_id = EXCLUDED.report_id, reported_at = EXCLUDED.reported_at`;

  return [
    { name: 'a. regulator: completion, whole province', connections: 1, amount: 3, token: regulatorToken, query: summary('440000'), subgraph: { name: 'procurement', query: summary('440000') }, sql: { text: summarySql, params: [batch, '44%', AS_OF] } },
    { name: 'a. regulator: completion, one city', connections: 2, token: regulatorToken, query: summary(CITY), subgraph: { name: 'procurement', query: summary(CITY) }, sql: { text: summarySql, params: [batch, `${CITY.slice(0, 4)}%`, AS_OF] } },
    { name: 'b. hospital: 200 payables, 3 subgraphs', connections: 50, token: hospitalToken, query: settlements, subgraph: { name: 'insurance', query: settlementsAlone }, sql: { text: settlementsSql, params: [hospitalId] } },
    {
      name: 'c. manufacturer: reportStock, 10,000 lines',
      connections: 1,
      amount: 8,
      token: manufacturerToken,
      query: stockMutation,
      body: stockBody,
      subgraph: { name: 'distribution', query: stockMutation },
      sql: { text: stockSql, params: ['fresh-uuid', manufacturer.org, lines.map((l) => l.productId), lines.map((l) => l.regionCode), lines.map((l) => l.batchNumber), lines.map((l) => l.quantityOnHand), lines.map((l) => l.emergencyReserve), 'fresh-uuid'] },
    },
    { name: 'd. deep: order→delivery→settlement, →product→maker→bans', connections: 10, token: hospitalToken, query: deep, subgraph: { name: 'procurement', query: deepAlone }, sql: { text: deepSql, params: [hospitalId, AS_OF] } },
  ];
}

function printTable(rows: Array<{ workload: Workload; results: Record<Variant, Measured | undefined> }>, peak: { hub: MemoryPeak; hive: MemoryPeak }): void {
  const fmt = (m: Measured | undefined) => (m?.failure ? `failed: ${m.failure}` : m ? `${m.p50} / ${m.p99} ms, ${m.rps.toFixed(1)}/s, ${m.statements ?? '–'} stmt${m.errors ? `, ${m.errors} errors` : ''}` : '–');
  const ratio = (a: Measured | undefined, b: Measured | undefined) => (a && b && !a.failure && !b.failure && b.p50 > 0 ? `${(a.p50 / b.p50).toFixed(2)}×` : '–');
  console.log(`\n| workload (p50 / p99, req/s, SQL statements per request) | hand-written SQL | our gateway | subgraph alone | Hive Gateway | gateway ÷ SQL | gateway ÷ subgraph | Hive ÷ ours |`);
  console.log('|---|---|---|---|---|---|---|---|');
  for (const { workload, results } of rows) {
    console.log(`| ${workload.name} (${workload.connections} clients) | ${fmt(results.sql)} | ${fmt(results.gateway)} | ${fmt(results.subgraph)} | ${fmt(results.hive)} | ${ratio(results.gateway, results.sql)} | ${ratio(results.gateway, results.subgraph)} | ${ratio(results.hive, results.gateway)} |`);
  }
  console.log(`\nPeak resident memory under the benchmark: the hub (start script, gateway, four subgraphs) ${peak.hub}; Hive Gateway ${peak.hive}`);
  console.log('The subgraph alone answers its own part (references as ids); the SQL floor reads all schemas at once as the tables\' owner.');
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
