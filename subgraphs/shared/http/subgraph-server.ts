import { ApolloServer, ContextFunction } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware, ExpressContextFunctionArgument } from '@as-integrations/express5';
import express from 'express';
import { GraphQLSchema } from 'graphql';
import type { WorkerUtils } from 'graphile-worker';
import type { DataSource, EntityManager } from 'typeorm';
import { requestTransactionPlugin } from '../audit/request-transaction.plugin';
import type { SubgraphName } from '../db/data-source';
import { RequestTransaction } from '../db/request-transaction';
import type { TokenVerifier } from '../auth/tokens';
import type { RequestContext } from '../context';
import { maskErrors, withHttpStatus } from '../errors';
import type { Logger } from '../logger';
import { addHealthRoutes, bodyErrors, createHttpApp, drainHttp, listen, RunningHttp } from './service-http';
import { admitInOrder, DEFAULT_REQUESTS_IN_FLIGHT } from './admission';
import { requestLogging } from './request-logging';
import { requestIdInErrors } from './request-id-in-errors';

export interface SubgraphServerOptions<Loaders> {
  name: SubgraphName;
  schema: GraphQLSchema;
  db: DataSource;
  verifier: TokenVerifier;
  log: Logger;
  production: boolean;
  bus?: WorkerUtils;
  /** GraphQL requests run at once (default 8); more wait in arrival order. */
  requestsInFlight?: number;
  /** Builds the request's DataLoaders; called once per request. */
  createLoaders: (db: EntityManager, context: Omit<RequestContext<Loaders>, 'loaders'>) => Loaders;
}

export interface RunningSubgraph extends RunningHttp {
  stop(): Promise<void>;
}

/**
 * Serves one subgraph: POST /graphql (Apollo Server), /health, /ready. Each request verifies its own
 * bearer token again, whoever forwarded it: a subgraph never trusts a caller for having reached it.
 */
export async function startSubgraphServer<Loaders>(
  options: SubgraphServerOptions<Loaders>,
  listenOn: { port: number; host: string },
): Promise<RunningSubgraph> {
  const { app, server } = createHttpApp();
  const apollo = new ApolloServer<RequestContext<Loaders>>({
    schema: options.schema,
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    // The process's own signal handler stops the server, then the pool, in order.
    stopOnTerminationSignals: false,
    hideSchemaDetailsFromClientErrors: options.production,
    formatError: maskErrors(options.log),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // Federated traces would tell any caller how long each resolver took; nothing here reports to Apollo.
      ApolloServerPluginInlineTraceDisabled(),
      // No response is HTTP-cacheable (every answer is scoped to its caller), and the default cache-control
      // plugin wraps every field's resolver to collect hints: a quarter of a 1,000-line list's CPU.
      ApolloServerPluginCacheControlDisabled(),
      requestLogging(),
      requestIdInErrors(),
      requestTransactionPlugin(options.name, options.db),
    ],
  });
  await apollo.start();

  const context: ContextFunction<[ExpressContextFunctionArgument], RequestContext<Loaders>> = async ({ req, res }) => {
    const requestId: string = res.locals.requestId;
    const log = options.log.child({ requestId });
    const identity = await withHttpStatus(() => options.verifier.fromHeader(req.headers.authorization));
    // Opened last: nothing after it can fail and leave the connection checked out.
    const requestTransaction = await RequestTransaction.open(options.db, identity);
    const db = requestTransaction.manager;
    const base = { requestId, identity, log: identity ? log.child({ role: identity.role, org: identity.org }) : log, db, bus: options.bus, requestTransaction };
    try {
      return { ...base, loaders: options.createLoaders(db, base) };
    } catch (error) {
      await requestTransaction.rollback();
      throw error;
    }
  };

  addHealthRoutes(app, async () => {
    await options.db.query('SELECT 1');
    return true;
  });
  // Above the gateway's own limit (gateway/request-limits.ts), which is the one clients meet.
  const maxBodyBytes = 8 * 1024 * 1024;
  app.use('/graphql', admitInOrder(options.requestsInFlight ?? DEFAULT_REQUESTS_IN_FLIGHT), express.json({ limit: maxBodyBytes }), expressMiddleware(apollo, { context }));
  app.use(bodyErrors(maxBodyBytes));

  const running = await listen(server, listenOn.port, listenOn.host, options.log);
  return {
    ...running,
    async stop() {
      await drainHttp(server);
      await apollo.stop();
    },
  };
}
