import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { Role } from '../subgraphs/shared/auth/identity';
import { signDevelopmentToken } from '../subgraphs/shared/auth/tokens';
import { baseConfigSchema, jwtSettings, loadConfig } from '../subgraphs/shared/config';
import { DEMO } from '../subgraphs/shared/demo/ids';
import { createLogger } from '../subgraphs/shared/logger';
import { startInProcessHub } from './lib/in-process-hub';
import { scratchDatabase } from './lib/scratch-database';

/**
 * `npm run bench:stock`: how long one bulk D-05 stock report takes through the gateway — `reportStock` with
 * 10,000 lines (default) from the demo manufacturer, against a scratch database (embedded PostgreSQL unless
 * DATABASE_URL is set), with the real gateway, subgraphs and event relays. Prints per-run wall time.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { lines: { type: 'string', default: '10000' }, runs: { type: 'string', default: '5' }, regions: { type: 'string', default: '100' } } });
  const lineCount = Number(values.lines);
  const runs = Number(values.runs);
  const regions = Number(values.regions);
  const log = createLogger('bench', 'silent');
  const jwt = jwtSettings(loadConfig(baseConfigSchema));
  if (jwt.kind !== 'secret') throw new Error('The benchmark signs its own tokens: unset JWKS_URL');

  const scratch = await scratchDatabase('stockbench', log);
  try {
    const hub = await startInProcessHub({
      databaseUrl: scratch.url,
      jwt,
      log,
      demoData: true,
      poolSize: 10,
      limits: { requestsPerMinute: 10_000_000 },
      events: { maxAttempts: 10, workerConcurrency: 2, pollIntervalMs: 500 },
    });
    try {
      const token = await signDevelopmentToken({ subject: 'bench-lingnan', role: Role.MANUFACTURER, region: '440100', org: DEMO.enterprises.lingnanPharma }, jwt);
      console.log(`Stock report benchmark — reportStock with ${lineCount} lines over ${regions} regions, ${runs} runs, through the gateway (Node ${process.version})\n`);
      const samples: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        const lines = Array.from({ length: lineCount }, (_, i) => ({
          productId: DEMO.products.atorvastatinLingnan,
          regionCode: `${44 + (i % 2)}${String(Math.floor(i / 2) % Math.ceil(regions / 2)).padStart(2, '0')}00`,
          batchNumber: `LN${run}-${i % 97}`,
          quantityOnHand: 1000 + ((i * 7919 + run) % 5000),
          emergencyReserve: i % 50,
        }));
        const body = JSON.stringify({
          query: 'mutation ($input: ReportStockInput!) { reportStock(input: $input) { id lineCount } }',
          variables: { input: { idempotencyKey: `bench-stock-${Date.now()}-${run}`, lines } },
        });
        const started = performance.now();
        const response = await fetch(hub.gateway!.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
        const result = (await response.json()) as { data?: { reportStock?: { lineCount: number } }; errors?: unknown[] };
        const elapsed = performance.now() - started;
        if (result.errors || result.data?.reportStock?.lineCount !== lineCount) throw new Error(`reportStock failed: ${JSON.stringify(result.errors ?? result.data)}`);
        samples.push(elapsed);
        console.log(`  run ${run + 1}: ${elapsed.toFixed(0)} ms (${(body.length / 1024 / 1024).toFixed(2)} MiB request)`);
      }
      const sorted = [...samples].sort((a, b) => a - b);
      console.log(`\n  median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms, best ${sorted[0].toFixed(0)} ms, worst ${sorted[sorted.length - 1].toFixed(0)} ms per ${lineCount}-line report`);
    } finally {
      await hub.close();
    }
  } finally {
    await scratch.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
