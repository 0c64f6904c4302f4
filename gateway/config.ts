import { z } from 'zod';
import { baseConfigSchema, loadConfig, portSchema } from '../subgraphs/shared/config';
import { SUBGRAPHS, SubgraphName } from '../subgraphs/shared/db/data-source';

const DEFAULT_PORTS: Record<SubgraphName, number> = { procurement: 4001, insurance: 4002, quality: 4003, distribution: 4004 };

/** The gateway's configuration: where the subgraphs are, and where the supergraph comes from. */
export const gatewayConfigSchema = baseConfigSchema
  .extend({
    PORT: portSchema.default(4000),
    HOST: z.string().min(1).default('127.0.0.1'),
    /** `file` serves the checked-in schema/supergraph.graphql; `introspect` composes from the running subgraphs. */
    SUPERGRAPH_SOURCE: z.enum(['file', 'introspect']).optional(),
    SUPERGRAPH_PATH: z.string().min(1).default('schema/supergraph.graphql'),
    PROCUREMENT_URL: z.string().url().default(`http://127.0.0.1:${DEFAULT_PORTS.procurement}/graphql`),
    INSURANCE_URL: z.string().url().default(`http://127.0.0.1:${DEFAULT_PORTS.insurance}/graphql`),
    QUALITY_URL: z.string().url().default(`http://127.0.0.1:${DEFAULT_PORTS.quality}/graphql`),
    DISTRIBUTION_URL: z.string().url().default(`http://127.0.0.1:${DEFAULT_PORTS.distribution}/graphql`),
    /** Requests per caller (token subject) per minute; the default is REQUEST_LIMITS.requestsPerMinute. */
    GATEWAY_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).optional(),
  })
  .transform((c) => ({
    ...c,
    // Production serves only the reviewed, checked-in contract; live composition is a development convenience.
    SUPERGRAPH_SOURCE: c.SUPERGRAPH_SOURCE ?? (c.NODE_ENV === 'production' ? 'file' : 'introspect'),
  }));

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const config = loadConfig(gatewayConfigSchema, { ...env, PORT: env.GATEWAY_PORT ?? env.PORT });
  return config;
}

/** The subgraphs' URLs by name, as configured. */
export function subgraphUrls(config: GatewayConfig): Array<{ name: SubgraphName; url: string }> {
  return SUBGRAPHS.map((name) => ({ name, url: config[`${name.toUpperCase()}_URL` as 'PROCUREMENT_URL'] }));
}

export { DEFAULT_PORTS };
