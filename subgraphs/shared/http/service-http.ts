import express, { Express, Request, Response } from 'express';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logger';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id';

/** Probes every service answers: liveness says the process runs, readiness that it can serve. */
export function addHealthRoutes(app: Express, isReady: () => Promise<boolean>): void {
  app.get('/health', (_req: Request, res: Response) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req: Request, res: Response) => {
    const ready = await isReady().catch(() => false);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready' });
  });
}

/**
 * Answers a body over the size limit (HTTP 413) or one that is not JSON (400) in GraphQL's shape, with
 * the limit named, instead of express's HTML error page. Mount after the JSON parser.
 */
export function bodyErrors(maxBytes: number) {
  return (error: { type?: string; status?: number }, _req: Request, res: Response, next: (error?: unknown) => void) => {
    if (error?.type === 'entity.too.large') {
      res.status(413).json({ errors: [{ message: `Request refused: the body is larger than ${maxBytes} bytes`, extensions: { code: 'BAD_USER_INPUT', limit: 'bodyBytes', max: maxBytes } }] });
      return;
    }
    if (error?.type === 'entity.parse.failed' || error?.type === 'charset.unsupported' || error?.type === 'encoding.unsupported') {
      res.status(400).json({ errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_USER_INPUT' } }] });
      return;
    }
    next(error);
  };
}

/** A started HTTP listener with the port it actually got (0 asks the OS for a free one). */
export interface RunningHttp {
  server: Server;
  port: number;
  url: string;
}

export function createHttpApp(): { app: Express; server: Server } {
  const app = express();
  app.disable('x-powered-by');
  // Every response names its request id, so a user reporting a problem can quote it.
  app.use((req: Request, res: Response, next: () => void) => {
    res.locals.requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    res.setHeader(REQUEST_ID_HEADER, res.locals.requestId);
    next();
  });
  const server = createServer(app);
  // A keep-alive connection must be closed by the client (the gateway's fetch gives up idle sockets after
  // a few seconds), never by the server at the moment the client reuses it: that race shows as ECONNRESET
  // on the first request after a pause, and a slow, loaded machine widens it.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return { app, server };
}

export async function listen(server: Server, port: number, host: string, log: Logger, path = '/graphql'): Promise<RunningHttp> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actual = (server.address() as AddressInfo).port;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${actual}${path}`;
  log.info({ url }, 'listening');
  return { server, port: actual, url };
}

/**
 * Stops taking connections, lets requests in flight finish for up to `graceMs`, then closes whatever is
 * left. Idle keep-alive connections (the gateway keeps some to every subgraph) are closed at once.
 */
export async function drainHttp(server: Server, graceMs = 5_000): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  // A keep-alive connection whose request finishes during the drain turns idle: close it then, too.
  const sweeper = setInterval(() => server.closeIdleConnections(), 50);
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
  await Promise.race([closed, expired]);
  clearInterval(sweeper);
  clearTimeout(timer);
  server.closeAllConnections();
}
