import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../context';

/** One log line per operation: name, duration, and how many errors it ended with. */
export function requestLogging(): ApolloServerPlugin<RequestContext<unknown>> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, errors }) {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          contextValue.log.info({ operation: operationName ?? null, ms: Math.round(ms * 10) / 10, errors: errors?.length ?? 0 }, 'operation');
        },
      };
    },
  };
}
