import type { ApolloServerPlugin } from '@apollo/server';
import { RequestWorkload, SQL_STATEMENTS_HEADER, SUBGRAPH_CALLS_HEADER } from '../subgraphs/shared/http/workload-headers';

/** Tells the client what its request cost: the subgraph calls the plan made and their SQL statements in all. */
export function workloadHeaders(): ApolloServerPlugin<{ workload?: RequestWorkload }> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (!contextValue.workload) return;
          response.http.headers.set(SUBGRAPH_CALLS_HEADER, String(contextValue.workload.subgraphCalls));
          response.http.headers.set(SQL_STATEMENTS_HEADER, String(contextValue.workload.sqlStatements));
        },
      };
    },
  };
}
