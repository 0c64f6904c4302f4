import type { Identity } from '../../subgraphs/shared/auth/identity';
import { signDevelopmentToken } from '../../subgraphs/shared/auth/tokens';
import { DEMO_PERSONAS } from '../../scripts/lib/demo-personas';
import { TEST_JWT } from './test-environment';

export type PersonaName = keyof typeof DEMO_PERSONAS;

/** A token the services under test accept, for any identity. */
export function tokenFor(identity: Identity, expiresIn = '10m'): Promise<string> {
  return signDevelopmentToken(identity, TEST_JWT, expiresIn);
}

/** A token for one of the demo personas (the same ones README's token command prints). */
export function personaToken(persona: PersonaName): Promise<string> {
  const found = DEMO_PERSONAS[persona];
  if (!found) throw new Error(`No demo persona ${persona}`);
  return tokenFor(found.identity);
}

export { DEMO_PERSONAS };
