import 'reflect-metadata';
import { resolve } from 'node:path';
import { TokenVerifier } from '../subgraphs/shared/auth/tokens';
import { ConfigError, jwtSettings } from '../subgraphs/shared/config';
import { createLogger } from '../subgraphs/shared/logger';
import { loadGatewayConfig, subgraphUrls } from './config';
import { startGateway } from './server';
import { serviceTokenSource } from './service-token';

/** The gateway process (`node dist/gateway/main.js`). */
async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const log = createLogger('gateway', config.LOG_LEVEL);
  const jwt = jwtSettings(config);
  const running = await startGateway({
    subgraphs: subgraphUrls(config),
    supergraph: config.SUPERGRAPH_SOURCE === 'file' ? { source: 'file', path: resolve(config.SUPERGRAPH_PATH) } : { source: 'introspect' },
    verifier: new TokenVerifier(jwt),
    serviceToken: serviceTokenSource(jwt),
    log,
    production: config.NODE_ENV === 'production',
    port: config.PORT,
    host: config.HOST,
    limits: {
      requestsInFlight: config.MAX_REQUESTS_IN_FLIGHT,
      ...(config.GATEWAY_REQUESTS_PER_MINUTE ? { requestsPerMinute: config.GATEWAY_REQUESTS_PER_MINUTE } : {}),
    },
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping: draining in-flight requests');
    await running.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  process.stderr.write(`gateway failed to start: ${error instanceof ConfigError ? error.message : String(error?.stack ?? error)}\n`);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
