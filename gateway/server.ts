import { ApolloGateway, IntrospectAndCompose } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { readFileSync } from 'node:fs';
import { Role } from '../subgraphs/shared/auth/identity';
import type { TokenVerifier } from '../subgraphs/shared/auth/tokens';
import type { SubgraphName } from '../subgraphs/shared/db/data-source';
import { errors, maskErrors, withHttpStatus } from '../subgraphs/shared/errors';
import { addHealthRoutes, bodyErrors, createHttpApp, drainHttp, listen, RunningHttp } from '../subgraphs/shared/http/service-http';
import type { Logger } from '../subgraphs/shared/logger';
import type { GatewayContext } from './context';
import { addDevelopmentIde } from './development-ide';
import { CallerRateLimiter, limitExceeded, operationLimits, REQUEST_LIMITS, RequestLimits } from './request-limits';
import { createOrganisationRegister } from './organisation-register';
import { SubgraphDataSource } from './subgraph-data-source';
import { requestIdInErrors } from '../subgraphs/shared/http/request-id-in-errors';
import { workloadHeaders } from './workload-headers.plugin';
import { admitInOrder } from '../subgraphs/shared/http/admission';

export interface GatewayOptions {
  subgraphs: Array<{ name: string; url: string }>;
  /** Compose from the running subgraphs, or serve a supergraph SDL file. */
  supergraph: { source: 'introspect' } | { source: 'file'; path: string };
  verifier: TokenVerifier;
  serviceToken: () => Promise<string | undefined>;
  log: Logger;
  production: boolean;
  port: number;
  host: string;
  /** Overrides of REQUEST_LIMITS (tests use small ones). */
  limits?: Partial<RequestLimits>;
}

export interface RunningGateway extends RunningHttp {
  close(): Promise<void>;
}

/**
 * The single entry point for clients: verifies the caller's JWT (UNAUTHENTICATED otherwise), plans each
 * operation across the subgraphs and forwards the caller's token to each of them.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const urls = new Map(options.subgraphs.map((s) => [s.name, s.url]));
  const limits: RequestLimits = { ...REQUEST_LIMITS, ...options.limits };
  const rateLimiter = new CallerRateLimiter(limits.requestsPerMinute);
  const register = createOrganisationRegister({ subgraphs: options.subgraphs as Array<{ name: SubgraphName; url: string }>, log: options.log.child({ module: 'organisation-register' }) });
  const gateway = new ApolloGateway({
    ...(options.supergraph.source === 'file'
      ? { supergraphSdl: readFileSync(options.supergraph.path, 'utf8') }
      : { supergraphSdl: new IntrospectAndCompose({ subgraphs: options.subgraphs }) }),
    // The checked-in supergraph names development URLs; the deployment's own configuration wins.
    buildService: ({ name, url }) => new SubgraphDataSource(urls.get(name) ?? url!, options.serviceToken, limits.subgraphTimeoutMs),
    logger: options.log,
  });

  const { app, server } = createHttpApp();
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    // The process's own signal handler stops the server, then the pool, in order.
    stopOnTerminationSignals: false,
    hideSchemaDetailsFromClientErrors: options.production,
    formatError: maskErrors(options.log),
    // Limits: tokens while parsing, the rest once the operation is known, all before it is planned.
    parseOptions: { maxTokens: limits.maxTokens },
    allowBatchedHttpRequests: false,
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), operationLimits(limits), requestIdInErrors(), workloadHeaders()],
  });
  await apollo.start();

  addHealthRoutes(app, async () => true);
  if (!options.production) addDevelopmentIde(app, options.log);
  app.use(
    '/graphql',
    admitInOrder(limits.requestsInFlight),
    express.json({ limit: limits.maxBodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId: string = res.locals.requestId;
        const identity = await withHttpStatus(async () => {
          const found = await options.verifier.fromHeader(req.headers.authorization);
          if (!found) throw errors.unauthenticated();
          // The service identity exists for the gateway's own calls; no client may present it.
          if (found.role === Role.SERVICE) throw errors.unauthenticated('Service tokens are not accepted from clients');
          return found;
        }).catch((error) => {
          options.log.warn({ requestId, reason: String(error.message) }, 'token refused');
          throw error;
        });
        const wait = rateLimiter.take(`${identity.role}:${identity.org ?? identity.region}:${identity.subject}`);
        if (wait > 0) {
          res.setHeader('retry-after', String(wait));
          throw limitExceeded('requestsPerMinute', limits.requestsPerMinute, limits.requestsPerMinute + 1, 429);
        }
        // After the rate limit, so a flood of forged organisations cannot be turned against the register.
        await withHttpStatus(() => register.confirm(identity, req.headers.authorization!, requestId)).catch((error) => {
          // Refused before any subgraph (and its audit trail) sees the request: the gateway's log is the record.
          options.log.warn({ requestId, role: identity.role, org: identity.org, region: identity.region, reason: String(error.message) }, 'token refused by the organisation register');
          throw error;
        });
        const log = options.log.child({ requestId, role: identity.role, org: identity.org });
        return { requestId, identity, authorization: req.headers.authorization!, log, workload: { sqlStatements: 0, subgraphCalls: 0 } };
      },
    }),
  );

  app.use(bodyErrors(limits.maxBodyBytes));

  const running = await listen(server, options.port, options.host, options.log);
  return {
    ...running,
    async close() {
      await drainHttp(server);
      await apollo.stop();
    },
  };
}
