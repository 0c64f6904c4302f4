import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { renderSchemaFiles } from './lib/schema-files';

/** `npm run schema`: writes schema/*.graphql from the code. `--check` only reports whether they are current. */
async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const { files, compositionErrors } = await renderSchemaFiles();
  if (compositionErrors.length) {
    process.stderr.write(`The subgraphs do not compose:\n${compositionErrors.map((e) => `  - ${e}`).join('\n')}\n`);
    process.exit(1);
  }
  const stale: string[] = [];
  for (const [path, content] of Object.entries(files)) {
    const target = resolve(path);
    let current: string | undefined;
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === content) continue;
    stale.push(path);
    if (!check) {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
  }
  if (check && stale.length) {
    process.stderr.write(`Out of date (run npm run schema): ${stale.join(', ')}\n`);
    process.exit(1);
  }
  process.stdout.write(stale.length ? `${check ? 'stale' : 'wrote'}: ${stale.join(', ')}\n` : 'schema/ is up to date\n');
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
