import { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { REQUEST_ID_HEADER } from '../subgraphs/shared/http/request-id';
import type { GatewayContext } from './context';

/**
 * How the gateway calls a subgraph: the caller's own bearer token and the request id go along, so the
 * subgraph verifies the caller itself and its logs join the gateway's. Requests the gateway makes on its
 * own behalf (composing the supergraph in development) carry the gateway's service token instead.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, private readonly serviceToken: () => Promise<string | undefined>) {
    super({ url });
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
}
