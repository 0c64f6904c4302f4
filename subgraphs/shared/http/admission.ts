import type { NextFunction, Request, Response } from 'express';

/** Requests a process runs at once unless configured (MAX_REQUESTS_IN_FLIGHT). */
export const DEFAULT_REQUESTS_IN_FLIGHT = 8;

/**
 * Lets at most `maxInFlight` GraphQL requests run at once and queues the rest in arrival order. On two
 * cores more requests at once buy no throughput: they only hold more answers in memory (a hospital's 200
 * payables are a few megabytes in flight) and stretch every request's latency alike. A request whose
 * client has gone while it waited is dropped from the queue unanswered.
 */
export function admitInOrder(maxInFlight: number) {
  let inFlight = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    inFlight -= 1;
    const next = waiting.shift();
    if (next) next();
  };
  return (req: Request, res: Response, next: NextFunction) => {
    const start = () => {
      if (req.destroyed) {
        // Nothing to run for a client that left; let the next one in.
        const following = waiting.shift();
        if (following) following();
        return;
      }
      inFlight += 1;
      let released = false;
      const done = () => {
        if (released) return;
        released = true;
        release();
      };
      res.once('finish', done);
      res.once('close', done);
      next();
    };
    if (inFlight < maxInFlight) start();
    else waiting.push(start);
  };
}
