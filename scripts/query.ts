import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { signDevelopmentToken } from '../subgraphs/shared/auth/tokens';
import { baseConfigSchema, jwtSettings, loadConfig } from '../subgraphs/shared/config';
import { DEMO_PERSONAS } from './lib/demo-personas';

const USAGE = `Sends one GraphQL operation to the running gateway as a demo persona and prints the JSON answer.

  npm run -s query -- --persona hospital '{ products { nodes { name } } }'
  npm run -s query -- --persona market-regulator --file my-query.graphql --variables '{"id": "…"}'

Options: --persona (see npm run token -- --list), --token (instead of a persona), --file, --variables,
         --url (default http://127.0.0.1:$GATEWAY_PORT/graphql, port 4000)`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      persona: { type: 'string' },
      token: { type: 'string' },
      file: { type: 'string' },
      variables: { type: 'string' },
      url: { type: 'string', default: `http://127.0.0.1:${process.env.GATEWAY_PORT ?? 4000}/graphql` },
      help: { type: 'boolean' },
    },
  });
  const query = values.file ? readFileSync(values.file, 'utf8') : positionals[0];
  if (values.help || !query || (!values.persona && !values.token)) return void process.stdout.write(`${USAGE}\n`);
  let token = values.token;
  if (!token) {
    const persona = DEMO_PERSONAS[values.persona!];
    if (!persona) throw new Error(`Unknown persona ${values.persona}; try npm run token -- --list`);
    const settings = jwtSettings(loadConfig(baseConfigSchema));
    if (settings.kind !== 'secret') throw new Error('JWKS_URL is set: pass --token from your identity provider');
    token = await signDevelopmentToken(persona.identity, settings, '5m');
  }
  const response = await fetch(values.url!, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables: values.variables ? JSON.parse(values.variables) : undefined }),
  });
  process.stdout.write(`${JSON.stringify(await response.json(), null, 2)}\n`);
  if (!response.ok) process.exitCode = 1;
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
