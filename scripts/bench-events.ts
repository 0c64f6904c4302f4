import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { Role } from '../subgraphs/shared/auth/identity';
import { signDevelopmentToken } from '../subgraphs/shared/auth/tokens';
import { baseConfigSchema, jwtSettings, loadConfig } from '../subgraphs/shared/config';
import { createDataSource } from '../subgraphs/shared/db/data-source';
import { DEMO } from '../subgraphs/shared/demo/ids';
import { recordEvent } from '../subgraphs/shared/events/outbox';
import { todayInChina } from '../subgraphs/shared/graphql/scalars';
import { createLogger } from '../subgraphs/shared/logger';
import { startInProcessHub } from './lib/in-process-hub';
import { scratchDatabase } from './lib/scratch-database';

/**
 * `npm run bench:events`: how many events per second the bus sustains on this machine, and how long a
 * receipt takes to become a visible payable. Runs the real relays, graphile-worker consumers and gateway
 * against a scratch database (embedded PostgreSQL unless DATABASE_URL is set), then drops it.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { events: { type: 'string', default: '5000' }, flows: { type: 'string', default: '30' } } });
  const eventCount = Number(values.events);
  const flowCount = Number(values.flows);
  const log = createLogger('bench', 'silent');
  const jwt = jwtSettings(loadConfig(baseConfigSchema));
  if (jwt.kind !== 'secret') throw new Error('The benchmark signs its own tokens: unset JWKS_URL');

  const scratch = await scratchDatabase('bench', log);
  const url = scratch.url;
  try {
    const hub = await startInProcessHub({
      databaseUrl: url,
      jwt,
      log,
      demoData: true,
      poolSize: 10,
      // One caller sends every request here; the per-caller rate limit would throttle the measurement.
      limits: { requestsPerMinute: 10_000_000 },
      events: { maxAttempts: 10, workerConcurrency: 8, pollIntervalMs: 500 },
    });
    try {
      console.log(`Event bus benchmark — ${eventCount} events, ${flowCount} receipt-to-payable flows (Node ${process.version})\n`);
      await throughput(url, eventCount);
      await latency(hub.gateway!.url, flowCount, jwt);
    } finally {
      await hub.close();
    }
  } finally {
    await scratch.drop();
  }
}

/** Records `count` ReceiptConfirmed events in distribution's outbox and times until both consumers applied them. */
async function throughput(url: string, count: number): Promise<void> {
  const db = createDataSource({ url, subgraph: 'distribution', entities: [] });
  await db.initialize();
  const watcher = new Client({ connectionString: url });
  await watcher.connect();
  try {
    const started = Date.now();
    for (let done = 0; done < count; done += 500) {
      await db.transaction(async (tx) => {
        for (let i = done; i < Math.min(done + 500, count); i += 1) {
          const orderId = randomUUID();
          await recordEvent(tx, 'distribution', {
            type: 'ReceiptConfirmed',
            version: 1,
            key: orderId,
            payload: {
              deliveryId: randomUUID(), orderId, institutionId: DEMO.institutions.guichiHospital, regionCode: '341702',
              enterpriseId: DEMO.enterprises.jianghuaiLogistics, acceptedOn: todayInChina(), warehousedAt: new Date().toISOString(),
              confirmedAt: new Date().toISOString(), confirmationDeadline: null, confirmedLate: false, amount: '12.00',
              lines: [{ lineNo: 1, productId: DEMO.products.atorvastatinLingnan, quantity: 100, unitPrice: '0.12', amount: '12.00' }],
            },
          });
        }
      });
    }
    const recorded = Date.now();
    for (;;) {
      const { rows } = await watcher.query(
        `SELECT (SELECT count(*) FROM insurance.settlement WHERE order_id IS NOT NULL)::int AS payables,
                (SELECT count(*) FROM procurement.inbox WHERE type = 'distribution.ReceiptConfirmed.v1')::int AS procurement`,
      );
      if (rows[0].procurement >= count && rows[0].payables >= count) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const finished = Date.now();
    const seconds = (finished - started) / 1000;
    console.log('Throughput (relay → bus → 2 consumers, each applying in its own transaction with its inbox)');
    console.log(`  events recorded           ${count} in ${(recorded - started) / 1000} s`);
    console.log(`  all applied after         ${seconds.toFixed(2)} s`);
    console.log(`  events/s end to end       ${Math.round(count / seconds)}`);
    console.log(`  deliveries/s (2 consumers) ${Math.round((2 * count) / seconds)}\n`);
  } finally {
    await watcher.end();
    await db.destroy();
  }
}

async function gql(url: string, token: string, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: unknown[] }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Through the gateway: confirmReceipt, then poll settlementStatus until the payable is visible. */
async function latency(url: string, flows: number, jwt: { secret: string; issuer: string; audience: string }): Promise<void> {
  const hospital = await signDevelopmentToken({ subject: 'bench-hospital', role: Role.INSTITUTION, region: '341702', org: DEMO.institutions.guichiHospital }, jwt);
  const distributor = await signDevelopmentToken({ subject: 'bench-distributor', role: Role.DISTRIBUTOR, region: '340100', org: DEMO.enterprises.jianghuaiLogistics }, jwt);
  const samples: number[] = [];
  for (let i = 0; i < flows; i += 1) {
    const placed = await gql(url, hospital, 'mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }', {
      input: { distributorId: DEMO.enterprises.jianghuaiLogistics, lines: [{ productId: DEMO.products.atorvastatinLingnan, quantity: 70, unitPrice: '0.12' }] },
    });
    const orderId = placed.data.placeOrder.id;
    let deliveryId: string | undefined;
    while (!deliveryId) {
      const shipped = await gql(url, distributor, 'mutation ($id: ID!) { shipOrder(input: { orderId: $id }) { id } }', { id: orderId });
      deliveryId = shipped.data?.shipOrder?.id;
      if (!deliveryId) await new Promise((r) => setTimeout(r, 5));
    }
    await gql(url, hospital, 'mutation ($id: ID!) { confirmReceipt(input: { deliveryId: $id }) { id } }', { id: deliveryId });
    const confirmed = performance.now();
    for (;;) {
      const status = await gql(url, hospital, 'query ($id: ID!) { settlementStatus(deliveryId: $id) { id } }', { id: deliveryId });
      if (status.data?.settlementStatus) break;
      await new Promise((r) => setTimeout(r, 2));
    }
    samples.push(performance.now() - confirmed);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))].toFixed(1);
  console.log('Latency: confirmReceipt answered → payable visible through the gateway (ms)');
  console.log(`  flows ${samples.length}   p50 ${at(0.5)}   p95 ${at(0.95)}   max ${samples[samples.length - 1].toFixed(1)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
