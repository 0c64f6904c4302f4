import { readFileSync } from 'node:fs';
import { renderAccessMatrix } from '../../scripts/lib/access-matrix';
import { SUBGRAPHS } from '../../subgraphs/shared/db/data-source';
import { SUBGRAPH_DEFINITIONS } from '../../subgraphs/definitions';

describe('the access matrix an auditor reads (docs/access-matrix.md)', () => {
  it('is what the shield rules say (run `npm run access-matrix` after changing a rule)', async () => {
    expect(readFileSync('docs/access-matrix.md', 'utf8')).toBe(await renderAccessMatrix());
  });

  it.each(SUBGRAPHS)('%s describes the row scope of every type it keeps organisation or region rows of', (name) => {
    const scoped: Record<string, string[]> = { procurement: ['Institution', 'Order'], distribution: ['Delivery'], insurance: ['Settlement'], quality: ['Inspection'] };
    for (const type of scoped[name]) expect(SUBGRAPH_DEFINITIONS[name].rowScopes[type]).toMatch(/\w/);
  });
});
