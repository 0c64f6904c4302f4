import { z } from 'zod';

/** Thrown when a process starts with a configuration it cannot run on; the message names every bad value. */
export class ConfigError extends Error {}

const port = z.coerce.number().int().min(0).max(65535);

/** Settings every service (gateway and subgraphs) reads. */
export const baseConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** HS256 secret for local use; ignored when JWKS_URL is set. */
  JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters').optional(),
  /** RS256 verification against a JSON Web Key Set (production identity provider). */
  JWKS_URL: z.string().url().optional(),
  JWT_ISSUER: z.string().min(1).default('vbp-hub'),
  JWT_AUDIENCE: z.string().min(1).default('vbp-hub'),
  /** GraphQL requests one process runs at once; more wait in arrival order (see http/admission.ts). */
  MAX_REQUESTS_IN_FLIGHT: z.coerce.number().int().min(1).max(1000).default(8),
});

export const portSchema = port;

/**
 * Parses `env` with `schema`, failing fast with one message that lists every offending variable.
 * Each process calls this once at start-up and passes the result down; nothing else reads process.env.
 */
export function loadConfig<S extends z.ZodTypeAny>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  // An empty variable (`JWKS_URL=` in a compose file) means "not set", not "set to nothing".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** The development secret used when none is configured; refused in production. */
export const DEVELOPMENT_JWT_SECRET = 'development-only-secret-change-me-0123456789';

/** Resolves how tokens are verified, refusing to run production on the well-known development secret. */
export function jwtSettings(config: z.infer<typeof baseConfigSchema>) {
  if (config.JWKS_URL) {
    return { kind: 'jwks' as const, jwksUrl: config.JWKS_URL, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE };
  }
  if (!config.JWT_SECRET && config.NODE_ENV === 'production') {
    throw new ConfigError('Invalid configuration:\n  JWT_SECRET or JWKS_URL is required in production');
  }
  return {
    kind: 'secret' as const,
    secret: config.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
  };
}
export type JwtSettings = ReturnType<typeof jwtSettings>;
