import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { baseConfigSchema, jwtSettings, loadConfig } from '../subgraphs/shared/config';
import { SUBGRAPHS } from '../subgraphs/shared/db/data-source';
import { migrate } from '../subgraphs/shared/db/migrate';
import { migrateBus } from '../subgraphs/shared/events/bus';
import { createLogger } from '../subgraphs/shared/logger';
import { startEmbeddedDatabase } from './lib/embedded-database';
import { startInProcessHub } from './lib/in-process-hub';
import { BENCH_DATABASE, generateProvince, SCALES } from './lib/synthetic-province';

/**
 * `npm run bench:data -- --scale province [--seed 1] [--replace]`: prepares the benchmark database — the
 * hub's schemas and demo world, then a synthetic province (scripts/lib/synthetic-province.ts) — on the
 * server DATABASE_URL names, or on an embedded server under .data/bench-postgres that stays for
 * `npm run bench`. Prints what it wrote, how long each table took, and whom to act as.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: 'province' }, seed: { type: 'string', default: '1' }, replace: { type: 'boolean', default: false } } });
  const scale = SCALES[values.scale as keyof typeof SCALES];
  if (!scale) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 1) throw new Error('--seed must be a positive whole number');

  const server = process.env.DATABASE_URL ? undefined : await startEmbeddedDatabase(BENCH_DATABASE);
  const url = process.env.DATABASE_URL ?? server!.url;
  try {
    // The schemas and the demo world, as `npm start` leaves them (the hub is started once and stopped).
    const log = createLogger('bench-data', 'warn');
    const jwt = jwtSettings(loadConfig(baseConfigSchema));
    if (jwt.kind !== 'secret') throw new Error('Unset JWKS_URL: the hub is started here with a development secret');
    for (const subgraph of SUBGRAPHS) await migrate({ url, subgraph });
    await migrateBus(url, log);
    const hub = await startInProcessHub({ databaseUrl: url, jwt, log, demoData: true, gateway: false, events: false });
    await hub.close();
    console.log(`Generating a synthetic ${values.scale} (seed ${seed}) into ${new URL(url).pathname.slice(1)}: ${JSON.stringify(scale)}\n`);
    const province = await generateProvince(url, { scale, seed, replace: values.replace, log: (line) => console.log(line) });
    console.log(`\nDone in ${province.seconds.toFixed(0)} s. To act as the sample personas (npm run token):`);
    console.log(`  busiest hospital:  --role INSTITUTION --org ${province.sample.institutionId} --region ${province.sample.institutionRegion}`);
    console.log(`  a manufacturer:    --role MANUFACTURER --org ${province.sample.manufacturerId} --region 440000`);
    console.log(`  a distributor:     --role DISTRIBUTOR --org ${province.sample.distributorId} --region 440000`);
    console.log(`  province regulator: --persona insurance-regulator (440000); city: ${province.sample.cityRegion}`);
  } finally {
    await server?.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
