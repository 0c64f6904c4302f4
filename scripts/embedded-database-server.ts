import { parseArgs } from 'node:util';
import { startEmbeddedDatabase } from './lib/embedded-database';

/**
 * Runs one embedded PostgreSQL until SIGTERM/SIGINT, printing `ready <url>` once it accepts connections.
 * For tests that must stop and restart a database underneath the hub (Jest's module runtime cannot
 * load the ES-module package itself), and for anyone who wants the embedded server on its own.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { dir: { type: 'string' }, port: { type: 'string' }, database: { type: 'string', default: 'vbp' }, fast: { type: 'boolean' } } });
  if (!values.dir || !values.port) throw new Error('usage: embedded-database-server --dir <data dir> --port <port> [--database vbp] [--fast]');
  const database = await startEmbeddedDatabase({ dataDir: values.dir, port: Number(values.port), database: values.database!, ephemeralDurability: values.fast });
  process.stdout.write(`ready ${database.url}\n`);
  const stop = async () => {
    await database.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
