import { Role } from '../subgraphs/shared/auth/identity';
import { signDevelopmentToken } from '../subgraphs/shared/auth/tokens';
import type { JwtSettings } from '../subgraphs/shared/config';

const LIFETIME_SECONDS = 300;

/**
 * The gateway's own short-lived token (role SERVICE), used only to read the subgraphs' SDL when composing
 * in development. Subgraphs admit it to `_service` and nothing else. Without a local secret (JWKS mode)
 * there is none, and the gateway must serve the checked-in supergraph.
 */
export function serviceTokenSource(settings: JwtSettings): () => Promise<string | undefined> {
  if (settings.kind !== 'secret') return async () => undefined;
  let cached: { token: string; renewAt: number } | undefined;
  return async () => {
    if (!cached || Date.now() >= cached.renewAt) {
      const token = await signDevelopmentToken({ subject: 'gateway', role: Role.SERVICE }, settings, `${LIFETIME_SECONDS}s`);
      cached = { token, renewAt: Date.now() + (LIFETIME_SECONDS / 2) * 1000 };
    }
    return cached.token;
  };
}
