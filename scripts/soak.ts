import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { Department, Identity, Role } from '../subgraphs/shared/auth/identity';
import { signDevelopmentToken } from '../subgraphs/shared/auth/tokens';
import { baseConfigSchema, jwtSettings, loadConfig } from '../subgraphs/shared/config';
import { DEMO } from '../subgraphs/shared/demo/ids';
import { createLogger } from '../subgraphs/shared/logger';
import { startInProcessHub } from './lib/in-process-hub';
import { scratchDatabase } from './lib/scratch-database';

/**
 * `npm run soak -- --seconds 180 --clients 16`: mixed traffic against the whole hub over loopback for a
 * bounded time, then requests, errors, p50/p99 latency per kind and the hub's memory at start and end.
 */
const KINDS: Array<{ name: string; weight: number; who: 'hospital' | 'regulator' | 'distributor'; body: (n: number) => { query: string; variables?: Record<string, unknown> } }> = [
  { name: 'catalogue (4 subgraphs)', weight: 35, who: 'hospital', body: () => ({ query: '{ products(page: { first: 20 }) { nodes { name manufacturer { name } paymentStandard(regionCode: "341702") { amount } } } }' }) },
  { name: 'payables list', weight: 25, who: 'hospital', body: () => ({ query: '{ settlements(page: { first: 50 }) { nodes { amount status dueDate enterprise { name } lines { product { name } } } } }' }) },
  { name: 'policy lookup', weight: 15, who: 'regulator', body: () => ({ query: '{ jurisdictionPolicy(regionCode: "341702") { paymentTerm { basis days } prepaymentShare { drugs } receiptConfirmation { hours } } }' }) },
  { name: 'deliveries', weight: 10, who: 'distributor', body: () => ({ query: '{ deliveries(page: { first: 20 }) { nodes { status institution { name } } } }' }) },
  {
    name: 'placeOrder (write)',
    weight: 15,
    who: 'hospital',
    body: (n) => ({
      query: 'mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }',
      variables: { input: { distributorId: DEMO.enterprises.jianghuaiLogistics, idempotencyKey: `soak-${process.pid}-${n}`, lines: [{ productId: DEMO.products.atorvastatinLingnan, quantity: 10, unitPrice: '0.12' }] } },
    }),
  },
];

function percentile(sorted: number[], q: number): string {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1) : '-';
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '120' }, clients: { type: 'string', default: '16' } } });
  const seconds = Math.min(Number(values.seconds), 1800);
  const clients = Math.min(Number(values.clients), 256);
  const log = createLogger('soak', 'silent');
  const jwt = jwtSettings(loadConfig(baseConfigSchema));
  if (jwt.kind !== 'secret') throw new Error('The soak test signs its own tokens: unset JWKS_URL');
  const scratch = await scratchDatabase('soak', log);
  // A few callers send everything here, so the per-caller rate limit (a protection, measured by its own
  // test) is lifted: this run measures what the hub itself sustains.
  const hub = await startInProcessHub({
    databaseUrl: scratch.url,
    jwt,
    log,
    poolSize: 10,
    limits: { requestsPerMinute: 10_000_000 },
    events: { maxAttempts: 10, workerConcurrency: 4, pollIntervalMs: 500 },
  });
  try {
    const identities: Record<string, Identity> = {
      hospital: { subject: 'soak-hospital', role: Role.INSTITUTION, region: '341702', org: DEMO.institutions.guichiHospital },
      regulator: { subject: 'soak-regulator', role: Role.REGULATOR, department: Department.MEDICAL_INSURANCE, region: '340000' },
      distributor: { subject: 'soak-distributor', role: Role.DISTRIBUTOR, region: '340100', org: DEMO.enterprises.jianghuaiLogistics },
    };
    const tokens = Object.fromEntries(await Promise.all(Object.entries(identities).map(async ([k, id]) => [k, await signDevelopmentToken(id, jwt, '2h')])));
    const url = hub.gateway!.url;
    const latencies = new Map(KINDS.map((k) => [k.name, [] as number[]]));
    const errors = new Map(KINDS.map((k) => [k.name, 0]));
    const totalWeight = KINDS.reduce((a, k) => a + k.weight, 0);
    const memoryAtStart = process.memoryUsage().rss;
    const deadline = Date.now() + seconds * 1000;
    let counter = 0;
    console.log(`Soak: ${clients} clients for ${seconds} s against the in-process hub (gateway + 4 subgraphs + event workers)…`);
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (Date.now() < deadline) {
          let pick = Math.random() * totalWeight;
          const kind = KINDS.find((k) => (pick -= k.weight) < 0) ?? KINDS[0];
          const started = performance.now();
          try {
            const response = await fetch(url, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[kind.who]}` },
              body: JSON.stringify(kind.body((counter += 1))),
            });
            const body = (await response.json()) as { errors?: unknown[] };
            if (!response.ok || body.errors) errors.set(kind.name, errors.get(kind.name)! + 1);
          } catch {
            errors.set(kind.name, errors.get(kind.name)! + 1);
          }
          latencies.get(kind.name)!.push(performance.now() - started);
        }
      }),
    );
    const memoryAtEnd = process.memoryUsage().rss;
    console.log('\n| workload | requests | errors | p50 ms | p99 ms |\n|---|---|---|---|---|');
    let all: number[] = [];
    for (const kind of KINDS) {
      const sorted = latencies.get(kind.name)!.sort((a, b) => a - b);
      all = all.concat(sorted);
      console.log(`| ${kind.name} | ${sorted.length} | ${errors.get(kind.name)} | ${percentile(sorted, 0.5)} | ${percentile(sorted, 0.99)} |`);
    }
    all.sort((a, b) => a - b);
    const errorTotal = [...errors.values()].reduce((a, b) => a + b, 0);
    console.log(`| all | ${all.length} (${(all.length / seconds).toFixed(0)}/s) | ${errorTotal} | ${percentile(all, 0.5)} | ${percentile(all, 0.99)} |`);
    console.log(`\nResident memory of the hub process: ${(memoryAtStart / 2 ** 20).toFixed(0)} MB at start, ${(memoryAtEnd / 2 ** 20).toFixed(0)} MB at end.`);
  } finally {
    await hub.close();
    await scratch.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
