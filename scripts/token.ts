import { parseArgs } from 'node:util';
import { Identity, identityFromClaims } from '../subgraphs/shared/auth/identity';
import { signDevelopmentToken } from '../subgraphs/shared/auth/tokens';
import { baseConfigSchema, jwtSettings, loadConfig } from '../subgraphs/shared/config';
import { DEMO_PERSONAS } from './lib/demo-personas';

const USAGE = `Prints a signed development token (HS256, JWT_SECRET or the development default).

  npm run token -- --persona <name>
  npm run token -- --role REGULATOR --department MEDICAL_INSURANCE --region 440000
  npm run token -- --role INSTITUTION --org <institution id> --region 440203

Options: --role, --department, --region, --org, --sub, --expires (e.g. 12h, 30m; default 12h), --list
Personas: ${Object.keys(DEMO_PERSONAS).join(', ')}`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      persona: { type: 'string' },
      role: { type: 'string' },
      department: { type: 'string' },
      region: { type: 'string' },
      org: { type: 'string' },
      sub: { type: 'string' },
      expires: { type: 'string', default: '12h' },
      list: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  if (values.list) {
    for (const [name, p] of Object.entries(DEMO_PERSONAS)) process.stdout.write(`${name.padEnd(28)} ${p.description}\n`);
    return;
  }
  const persona = values.persona ? DEMO_PERSONAS[values.persona as keyof typeof DEMO_PERSONAS] : undefined;
  if (values.persona && !persona) throw new Error(`Unknown persona ${values.persona}; try --list`);
  const claims: Record<string, unknown> = {
    sub: values.sub ?? persona?.identity.subject ?? `cli-${values.role?.toLowerCase() ?? 'user'}`,
    role: values.role ?? persona?.identity.role,
    department: values.department ?? persona?.identity.department,
    region: values.region ?? persona?.identity.region,
    org: values.org ?? persona?.identity.org,
  };
  Object.keys(claims).forEach((k) => claims[k] === undefined && delete claims[k]);
  // Refuse to mint what the services would refuse: a role whose claims do not fit it.
  const { identity, problem } = identityFromClaims(claims);
  if (!identity) throw new Error(`These claims do not make a valid identity: ${problem}\n\n${USAGE}`);
  const settings = jwtSettings(loadConfig(baseConfigSchema));
  if (settings.kind !== 'secret') throw new Error('JWKS_URL is set: tokens come from your identity provider, not from this command');
  process.stdout.write(`${await signDevelopmentToken(identity as Identity, settings, values.expires)}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
