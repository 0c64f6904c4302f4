import express from 'express';
import type { AddressInfo } from 'node:net';
import { createServer, Server } from 'node:http';
import { admitInOrder } from '../../subgraphs/shared/http/admission';

/** A service whose handler holds each request until the test lets it go, to watch admission. */
function holdingService(maxInFlight: number) {
  const started: number[] = [];
  const held: Array<() => void> = [];
  let running = 0;
  let mostAtOnce = 0;
  const app = express();
  app.use('/graphql', admitInOrder(maxInFlight), (req, res) => {
    running += 1;
    mostAtOnce = Math.max(mostAtOnce, running);
    started.push(Number(req.query.n));
    held.push(() => {
      running -= 1;
      res.json({ n: Number(req.query.n) });
    });
  });
  const server: Server = createServer(app);
  return { server, started, held, mostAtOnce: () => mostAtOnce };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

describe('admission: requests in flight per process', () => {
  it('runs at most the configured number of requests at once and lets the rest in by arrival order', async () => {
    const service = holdingService(2);
    await new Promise<void>((r) => service.server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(service.server.address() as AddressInfo).port}/graphql`;
    try {
      const answers: Array<Promise<unknown>> = [];
      for (let n = 1; n <= 5; n += 1) {
        answers.push(fetch(`${url}?n=${n}`).then((r) => r.json()));
        // Arrival order is the order sent: each request reaches the server before the next is sent.
        await new Promise((r) => setTimeout(r, 20));
      }
      await until(() => service.started.length === 2);
      expect(service.started).toEqual([1, 2]);
      while (service.held.length > 0 || service.started.length < 5) {
        await until(() => service.held.length > 0);
        service.held.shift()!();
      }
      expect(await Promise.all(answers)).toEqual([1, 2, 3, 4, 5].map((n) => ({ n })));
      expect(service.started).toEqual([1, 2, 3, 4, 5]);
      expect(service.mostAtOnce()).toBe(2);
    } finally {
      await new Promise((r) => service.server.close(r));
    }
  });
});
