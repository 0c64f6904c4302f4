import { readFileSync } from 'node:fs';
import { startTestHub, TestHub } from '../support/hub';
import { DEMO_PERSONAS, PersonaName } from '../support/tokens';

/** Every ```graphql block of README.md that names a persona in its first line, in the README's order. */
function readmeExamples(): Array<{ persona: PersonaName; name: string; query: string }> {
  const readme = readFileSync('README.md', 'utf8');
  return [...readme.matchAll(/```graphql\n# persona: ([\w-]+)\n([\s\S]*?)```/g)].map(([, persona, query]) => ({
    persona: persona as PersonaName,
    name: /(?:query|mutation) (\w+)/.exec(query)?.[1] ?? 'anonymous',
    query,
  }));
}

/** Paths of lists that came back empty: a README example must have data to show. */
function emptyLists(value: unknown, path = 'data'): string[] {
  if (Array.isArray(value)) return value.length === 0 ? [path] : value.flatMap((v, i) => emptyLists(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => emptyLists(v, `${path}.${k}`));
  return [];
}

const examples = readmeExamples();

describe('README examples, run against the demo data', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub.close());

  it('show every persona at least once', () => {
    expect(new Set(examples.map((e) => e.persona))).toEqual(new Set(Object.keys(DEMO_PERSONAS)));
  });

  it.each(examples.map((e) => [`${e.persona}: ${e.name}`, e] as const))('%s answers with data and no error', async (_label, example) => {
    const response = await hub.query<Record<string, unknown>>(example.persona, example.query);
    expect(response.body.errors).toBeUndefined();
    for (const [field, value] of Object.entries(response.body.data!)) expect([field, value]).not.toEqual([field, null]);
    expect(emptyLists(response.body.data)).toEqual([]);
  });
});
