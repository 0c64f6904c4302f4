import pino, { DestinationStream, Logger } from 'pino';

export type { Logger };

/** The one logger of a process: JSON lines, with the service name on every line. */
export function createLogger(service: string, level: string = 'info', destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Tokens and payment details must never reach the logs in full.
    redact: { paths: ['req.headers.authorization', 'headers.authorization', 'token'], censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
