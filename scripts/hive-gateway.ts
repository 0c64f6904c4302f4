import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { SUBGRAPHS } from '../subgraphs/shared/db/data-source';
import { REQUEST_ID_HEADER } from '../subgraphs/shared/http/request-id';
import { SQL_STATEMENTS_HEADER } from '../subgraphs/shared/http/workload-headers';

/**
 * The second gateway of the benchmark (`npm run bench`): Hive Gateway serving the same checked-in
 * supergraph over the same running subgraphs, so the two gateways are compared on the same plan's
 * work. It forwards the caller's token (each subgraph verifies it) and the request id, and passes the
 * subgraphs' statement counts back. It has none of our gateway's own checks (organisation register,
 * rate and operation limits); the benchmark's table says so. Started by the benchmark as a process of
 * its own: SUPERGRAPH_PATH, PORT and <SUBGRAPH>_URL.
 */
function supergraphWithUrls(path: string): string {
  let sdl = readFileSync(path, 'utf8');
  for (const name of SUBGRAPHS) {
    const url = process.env[`${name.toUpperCase()}_URL`];
    if (!url) throw new Error(`${name.toUpperCase()}_URL must be set`);
    sdl = sdl.replace(new RegExp(`(join__graph\\(name: "${name}", url: ")[^"]*(")`), `$1${url}$2`);
  }
  return sdl;
}

const gateway = createGatewayRuntime({
  supergraph: supergraphWithUrls(process.env.SUPERGRAPH_PATH ?? 'schema/supergraph.graphql'),
  graphqlEndpoint: '/graphql',
  landingPage: false,
  logging: 'error',
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({
      authorization: request.headers.get('authorization'),
      [REQUEST_ID_HEADER]: request.headers.get(REQUEST_ID_HEADER),
    }),
    fromSubgraphsToClient: ({ response }) => ({ [SQL_STATEMENTS_HEADER]: response.headers.get(SQL_STATEMENTS_HEADER) }),
  },
});

const port = Number(process.env.PORT ?? 4100);
createServer(gateway).listen(port, '127.0.0.1', () => process.stdout.write(`ready http://127.0.0.1:${port}/graphql\n`));
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
