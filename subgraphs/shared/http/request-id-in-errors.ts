import type { ApolloServerPlugin } from '@apollo/server';

/**
 * Adds the request id to every error of a response, so a user quoting an error (masked or not) gives
 * operators the key to the logs of the gateway and every subgraph it called.
 */
export function requestIdInErrors(): ApolloServerPlugin<{ requestId: string }> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) => ({
            ...error,
            extensions: { ...error.extensions, requestId: contextValue.requestId },
          }));
        },
      };
    },
  };
}
