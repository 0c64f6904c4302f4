import { ApolloGateway, IntrospectAndCompose } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { readFileSync } from 'node:fs';
import { Role } from '../subgraphs/shared/auth/identity';
import type { TokenVerifier } from '../subgraphs/shared/auth/tokens';
import { errors, maskErrors, withHttpStatus } from '../subgraphs/shared/errors';
import { addHealthRoutes, createHttpApp, drainHttp, listen, RunningHttp } from '../subgraphs/shared/http/service-http';
import type { Logger } from '../subgraphs/shared/logger';
import type { GatewayContext } from './context';
import { SubgraphDataSource } from './subgraph-data-source';

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
  const gateway = new ApolloGateway({
    ...(options.supergraph.source === 'file'
      ? { supergraphSdl: readFileSync(options.supergraph.path, 'utf8') }
      : { supergraphSdl: new IntrospectAndCompose({ subgraphs: options.subgraphs }) }),
    // The checked-in supergraph names development URLs; the deployment's own configuration wins.
    buildService: ({ name, url }) => new SubgraphDataSource(urls.get(name) ?? url!, options.serviceToken),
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
    plugins: [ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  addHealthRoutes(app, async () => true);
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId: string = res.locals.requestId;
        const identity = await withHttpStatus(async () => {
          const found = await options.verifier.fromHeader(req.headers.authorization);
          if (!found) throw errors.unauthenticated();
          // The service identity exists for the gateway's own calls; no client may present it.
          if (found.role === Role.SERVICE) throw errors.unauthenticated('Service tokens are not accepted from clients');
          return found;
        });
        const log = options.log.child({ requestId, role: identity.role, org: identity.org });
        return { requestId, identity, authorization: req.headers.authorization!, log };
      },
    }),
  );

  const running = await listen(server, options.port, options.host, options.log);
  return {
    ...running,
    async close() {
      await drainHttp(server);
      await apollo.stop();
    },
  };
}
