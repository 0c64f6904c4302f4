import 'reflect-metadata';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { renderAccessMatrix } from './lib/access-matrix';

/** `npm run access-matrix`: writes docs/access-matrix.md from the shield rules (`--check` only compares). */
async function main(): Promise<void> {
  const rendered = await renderAccessMatrix();
  let current = '';
  try {
    current = readFileSync('docs/access-matrix.md', 'utf8');
  } catch {
    current = '';
  }
  if (process.argv.includes('--check')) {
    if (current !== rendered) {
      process.stderr.write('docs/access-matrix.md is out of date: run npm run access-matrix\n');
      process.exit(1);
    }
    return;
  }
  mkdirSync('docs', { recursive: true });
  writeFileSync('docs/access-matrix.md', rendered);
  process.stdout.write(current === rendered ? 'docs/access-matrix.md is up to date\n' : 'wrote docs/access-matrix.md\n');
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
