import type { ApolloServerPlugin } from '@apollo/server';
import type { DataSource } from 'typeorm';
import type { RequestContext } from '../context';
import type { SubgraphName } from '../db/data-source';
import { actAsSystem } from '../db/request-transaction';
import { SQL_STATEMENTS_HEADER } from '../http/workload-headers';
import { appendAuditRecords } from './audit-log';
import { auditRecordsFor } from './audit-record';

/**
 * Ends each request's transaction: appends the operation's audit rows and commits them with the work.
 * If that fails, the caller is told the request failed (none of its work is kept), and the attempt is
 * still recorded, as FAILED, in a transaction of its own.
 */
export function requestTransactionPlugin(subgraph: SubgraphName, db: DataSource): ApolloServerPlugin<RequestContext<unknown>> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, operation, operationName, request }) {
          const transaction = contextValue.requestTransaction;
          if (!transaction) return;
          const single = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const records = auditRecordsFor({
            requestId: contextValue.requestId,
            identity: contextValue.identity,
            operation: operation ?? undefined,
            operationName: operationName ?? null,
            variables: request.variables,
            data: single?.data as Record<string, unknown> | null | undefined,
            errors: single?.errors,
          });
          try {
            await transaction.commit((manager) => appendAuditRecords(manager, subgraph, records));
            response.http.headers.set(SQL_STATEMENTS_HEADER, String(transaction.statements));
          } catch (error) {
            contextValue.log.error({ err: error }, 'request transaction or audit append failed; the request fails');
            if (single) {
              response.body = {
                kind: 'single',
                singleResult: { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: contextValue.requestId } }] },
              };
              response.http.status = 500;
            }
            const failed = records.map((r) => ({ ...r, outcome: 'FAILED' as const, errorCode: 'INTERNAL_SERVER_ERROR' }));
            await db
              .transaction(async (manager) => {
                await actAsSystem(manager);
                await appendAuditRecords(manager, subgraph, failed);
              })
              .catch((auditError) => contextValue.log.error({ err: auditError }, 'could not record the failed request in the audit trail'));
          }
        },
      };
    },
  };
}
