import { createRemoteJWKSet, jwtVerify, SignJWT, JWTVerifyGetKey } from 'jose';
import { errors } from '../errors';
import type { JwtSettings } from '../config';
import { Identity, identityFromClaims } from './identity';

/** Verifies bearer tokens; one per process, so the JWKS cache is shared across requests. */
export class TokenVerifier {
  private readonly jwks?: JWTVerifyGetKey;
  private readonly secret?: Uint8Array;

  constructor(private readonly settings: JwtSettings) {
    if (settings.kind === 'jwks') this.jwks = createRemoteJWKSet(new URL(settings.jwksUrl));
    else this.secret = new TextEncoder().encode(settings.secret);
  }

  /** Reads `Authorization: Bearer …`; undefined when absent, an UNAUTHENTICATED error when present but bad. */
  async fromHeader(header: string | undefined): Promise<Identity | undefined> {
    if (!header) return undefined;
    const match = /^Bearer ([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]*)$/.exec(header.trim());
    if (!match) throw errors.unauthenticated('The Authorization header must be "Bearer <JWT>"');
    return this.verify(match[1]);
  }

  async verify(token: string): Promise<Identity> {
    const options = { issuer: this.settings.issuer, audience: this.settings.audience };
    let payload: Record<string, unknown>;
    try {
      const result = this.jwks
        ? await jwtVerify(token, this.jwks, { ...options, algorithms: ['RS256'] })
        : await jwtVerify(token, this.secret!, { ...options, algorithms: ['HS256'] });
      payload = result.payload as Record<string, unknown>;
    } catch (error) {
      const reason = (error as { code?: string }).code === 'ERR_JWT_EXPIRED' ? 'The token has expired' : 'The token is not valid';
      throw errors.unauthenticated(reason);
    }
    if (typeof payload.exp !== 'number') throw errors.unauthenticated('The token must expire (exp claim)');
    const { identity, problem } = identityFromClaims(payload);
    if (!identity) throw errors.unauthenticated(`The token's claims do not fit its role: ${problem}`);
    return identity;
  }
}

/** Signs an HS256 token for local use (the `npm run token` command, tests, the gateway's own introspection). */
export async function signDevelopmentToken(
  identity: Identity,
  settings: { secret: string; issuer: string; audience: string },
  expiresIn: string = '12h',
): Promise<string> {
  const claims: Record<string, unknown> = { role: identity.role };
  if (identity.department) claims.department = identity.department;
  if (identity.region) claims.region = identity.region;
  if (identity.org) claims.org = identity.org;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(identity.subject)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(settings.secret));
}
