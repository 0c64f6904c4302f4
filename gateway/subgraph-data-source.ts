import { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { isClientErrorCode } from '../subgraphs/shared/errors';
import { REQUEST_ID_HEADER } from '../subgraphs/shared/http/request-id';
import { SQL_STATEMENTS_HEADER } from '../subgraphs/shared/http/workload-headers';
import type { GatewayContext } from './context';
import { dedupeRepresentations, spreadEntities } from './entity-representations';

/**
 * How the gateway calls a subgraph: the caller's own bearer token and the request id go along, so the
 * subgraph verifies the caller itself and its logs join the gateway's. Requests the gateway makes on its
 * own behalf (composing the supergraph in development) carry the gateway's service token instead.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, private readonly serviceToken: () => Promise<string | undefined>, timeoutMs: number) {
    // A subgraph that does not answer in time is abandoned; the subgraph cancels its own SQL by statement_timeout.
    super({ url, fetcher: ((input: string, init: RequestInit) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as never });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const headers = request.http!.headers;
    if (context?.authorization) {
      headers.set('authorization', context.authorization);
      headers.set(REQUEST_ID_HEADER, context.requestId);
      return;
    }
    const token = await this.serviceToken();
    if (token) headers.set('authorization', `Bearer ${token}`);
  }

  /** Entity fetches send each distinct representation once (see entity-representations.ts). */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const representations = options.request.variables?.representations;
    if (!Array.isArray(representations)) return super.process(options);
    const { unique, positions } = dedupeRepresentations(representations);
    if (unique.length === representations.length) return super.process(options);
    const request = { ...options.request, variables: { ...options.request.variables, representations: unique } };
    return spreadEntities(await super.process({ ...options, request } as GraphQLDataSourceProcessOptions<GatewayContext>), positions);
  }

  /** Adds the subgraph's statement count to the request's workload (the gateway reports the sum). */
  override didReceiveResponse({ response, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse']>>[0]) {
    if (context?.workload) {
      context.workload.subgraphCalls += 1;
      context.workload.sqlStatements += Number(response.http?.headers.get(SQL_STATEMENTS_HEADER) ?? 0) || 0;
    }
    return response;
  }

  /**
   * A subgraph that refused a request (HTTP 4xx) still answered in GraphQL: pass on its first error's
   * message and code (a bad argument literal is BAD_USER_INPUT, not a gateway failure), without the
   * subgraph's URL or raw body. Anything else stays an internal error, masked at the boundary.
   */
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]): Promise<GraphQLError> {
    const body = await this.parseBody(response).catch(() => undefined);
    const first = typeof body === 'object' && body !== null ? (body as { errors?: Array<{ message?: string; extensions?: Record<string, unknown> }> }).errors?.[0] : undefined;
    const code = first?.extensions?.code;
    if (first?.message && typeof code === 'string' && isClientErrorCode(code)) {
      const { reason, field, rule } = first.extensions as Record<string, unknown>;
      return new GraphQLError(first.message, { extensions: { code, ...(reason ? { reason } : {}), ...(field ? { field } : {}), ...(rule ? { rule } : {}) } });
    }
    return new GraphQLError(`Subgraph answered HTTP ${response.status}`, { extensions: { subgraphStatus: response.status } });
  }
}
