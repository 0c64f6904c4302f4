import { Identity, Role } from '../subgraphs/shared/auth/identity';
import type { SubgraphName } from '../subgraphs/shared/db/data-source';
import { errors } from '../subgraphs/shared/errors';
import type { Logger } from '../subgraphs/shared/logger';

/**
 * Confirms that the organisation a token names is registered, in the role and region the token claims,
 * before the gateway plans anything for it. A signed token only proves who issued it: an identity
 * provider that mints a token for an organisation the hub does not know (a typo, a deleted hospital, a
 * distributor claiming to be a manufacturer) must not get a session whose scope means something else.
 *
 * The register's owners answer with the caller's own token, so the check needs no privilege of its own
 * and works with JWKS-issued tokens: procurement holds the institutions, distribution the enterprises.
 */
export interface OrganisationRegister {
  /** Resolves when the identity's organisation is registered as claimed; UNAUTHENTICATED otherwise. */
  confirm(identity: Identity, authorization: string, requestId: string): Promise<void>;
}

export interface OrganisationRegisterOptions {
  subgraphs: Array<{ name: SubgraphName; url: string }>;
  log: Logger;
  /** How long a confirmation is trusted before it is checked again. */
  confirmedTtlMs?: number;
  /** How long a refusal is remembered (short: a newly registered organisation gets in soon). */
  refusedTtlMs?: number;
  /** While the owner cannot be reached, a confirmation this recent still admits the caller. */
  staleTtlMs?: number;
  timeoutMs?: number;
  maxEntries?: number;
}

type Verdict = { admitted: true } | { admitted: false; reason: string };

/** Where an organisation of each role is registered, and how to ask for it. */
const OWNERS: Partial<Record<Identity['role'], { subgraph: SubgraphName; query: string; field: string }>> = {
  [Role.INSTITUTION]: { subgraph: 'procurement', field: 'institution', query: 'query RegisteredInstitution($id: ID!) { institution(id: $id) { id regionCode } }' },
  [Role.MANUFACTURER]: { subgraph: 'distribution', field: 'enterprise', query: 'query RegisteredEnterprise($id: ID!) { enterprise(id: $id) { id regionCode isManufacturer isDistributor status } }' },
  [Role.DISTRIBUTOR]: { subgraph: 'distribution', field: 'enterprise', query: 'query RegisteredEnterprise($id: ID!) { enterprise(id: $id) { id regionCode isManufacturer isDistributor status } }' },
};

interface RegisteredOrganisation {
  regionCode: string;
  isManufacturer?: boolean;
  isDistributor?: boolean;
  status?: string;
}

/** What the register says about the token's claims, given the registered record (null: not registered). */
export function judgeClaims(identity: Identity, registered: RegisteredOrganisation | null): Verdict {
  if (!registered) return { admitted: false, reason: 'its organisation is not registered' };
  if (registered.regionCode !== identity.region) return { admitted: false, reason: 'its region differs from the organisation’s registered region' };
  if (identity.role === Role.MANUFACTURER && !registered.isManufacturer) return { admitted: false, reason: 'its organisation is not registered as a manufacturer' };
  if (identity.role === Role.DISTRIBUTOR && !registered.isDistributor) return { admitted: false, reason: 'its organisation is not registered as a distributor' };
  if (registered.status !== undefined && registered.status === 'DEREGISTERED') return { admitted: false, reason: 'its organisation is deregistered' };
  return { admitted: true };
}

export function createOrganisationRegister(options: OrganisationRegisterOptions): OrganisationRegister {
  const confirmedTtl = options.confirmedTtlMs ?? 60_000;
  const refusedTtl = options.refusedTtlMs ?? 5_000;
  const staleTtl = options.staleTtlMs ?? 3_600_000;
  const timeoutMs = options.timeoutMs ?? 2_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const urls = new Map(options.subgraphs.map((s) => [s.name, s.url]));
  const verdicts = new Map<string, { verdict: Verdict; at: number }>();
  const pending = new Map<string, Promise<Verdict>>();

  function remember(key: string, verdict: Verdict): void {
    verdicts.delete(key);
    verdicts.set(key, { verdict, at: Date.now() });
    // Insertion order makes the first key the least recently checked one.
    if (verdicts.size > maxEntries) verdicts.delete(verdicts.keys().next().value!);
  }

  async function lookUp(identity: Identity, authorization: string, requestId: string): Promise<Verdict> {
    const owner = OWNERS[identity.role]!;
    const url = urls.get(owner.subgraph);
    if (!url) throw new Error(`the ${owner.subgraph} subgraph, which registers ${identity.role} organisations, is not served by this gateway`);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization, 'x-request-id': requestId },
      body: JSON.stringify({ query: owner.query, variables: { id: identity.org } }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json().catch(() => ({}))) as {
      data?: Record<string, RegisteredOrganisation | null> | null;
      errors?: Array<{ extensions?: { code?: string } }>;
    };
    const code = body.errors?.[0]?.extensions?.code;
    if (code === 'NOT_FOUND' || code === 'BAD_USER_INPUT') return judgeClaims(identity, null);
    if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') return { admitted: false, reason: `the register refused it (${code})` };
    const registered = body.data?.[owner.field];
    if (!response.ok || registered === undefined || body.errors) throw new Error(`the ${owner.subgraph} register answered ${response.status}${code ? ` ${code}` : ''}`);
    return judgeClaims(identity, registered);
  }

  return {
    async confirm(identity, authorization, requestId) {
      if (!identity.org || !OWNERS[identity.role]) return;
      const key = `${identity.role}:${identity.org}:${identity.region}`;
      const known = verdicts.get(key);
      const age = known ? Date.now() - known.at : Infinity;
      let verdict: Verdict;
      if (known && age < (known.verdict.admitted ? confirmedTtl : refusedTtl)) {
        verdict = known.verdict;
      } else {
        let lookup = pending.get(key);
        if (!lookup) {
          lookup = lookUp(identity, authorization, requestId).finally(() => pending.delete(key));
          pending.set(key, lookup);
        }
        try {
          verdict = await lookup;
          remember(key, verdict);
        } catch (error) {
          // The owner is down or slow: an organisation confirmed recently keeps working through the
          // outage; one never confirmed is not let in on trust.
          if (known?.verdict.admitted && age < staleTtl) {
            options.log.warn({ err: error, org: identity.org }, 'organisation register unreachable; using an earlier confirmation');
            return;
          }
          throw error;
        }
      }
      if (!verdict.admitted) throw errors.unauthenticated(`The token is not accepted: ${verdict.reason}`);
    },
  };
}
