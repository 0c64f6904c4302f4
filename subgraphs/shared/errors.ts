import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { randomUUID } from 'node:crypto';
import type { Logger } from './logger';

/** The only error codes a client ever sees besides INTERNAL_SERVER_ERROR. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

/** An error the client caused and may read: its message and `extensions` are safe to show. */
export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...details } });
    this.name = 'DomainError';
  }
  get code(): ErrorCode {
    return this.extensions.code as ErrorCode;
  }
  /** The HTTP status that fits when this error ends the whole request (e.g. a bad token). */
  get httpStatus(): number {
    return HTTP_STATUS[this.code];
  }
}

/** The error catalogue: services throw only these. `rule` names the DOMAIN.md rule when one applies. */
export const errors = {
  badInput: (message: string, details: { field?: string; rule?: string } = {}) =>
    new DomainError(ErrorCode.BAD_USER_INPUT, message, details),
  unauthenticated: (message = 'A valid bearer token is required') => new DomainError(ErrorCode.UNAUTHENTICATED, message),
  forbidden: (message = 'Not allowed for this identity') => new DomainError(ErrorCode.FORBIDDEN, message),
  notFound: (what: string, id: string) => new DomainError(ErrorCode.NOT_FOUND, `${what} ${id} was not found`, { id }),
  conflict: (message: string, details: { rule?: string } = {}) => new DomainError(ErrorCode.CONFLICT, message, details),
};

/** Apollo's own codes for requests that never reached a resolver; all are the client's fault. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

const CLIENT_CODES = new Set<string>(Object.values(ErrorCode));

/**
 * Builds the boundary's `formatError`: catalogue errors pass with their code; request errors become
 * BAD_USER_INPUT (keeping Apollo's code as `reason`); anything else is logged in full and masked, so no
 * stack trace, SQL or internal message ever reaches a client.
 */
export function maskErrors(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = String(formatted.extensions?.code ?? '');
    // Internal details a client never needs: traces, the subgraph's URL and raw response, the topology.
    const { stacktrace: _s, exception: _e, response: _r, serviceName: _n, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    if (CLIENT_CODES.has(code) && code !== 'BAD_USER_INPUT') {
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions };
    }
    if (REQUEST_ERROR_CODES.has(code)) {
      const reason = code === 'BAD_USER_INPUT' ? extensions.reason : code;
      return {
        message: formatted.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { ...extensions, code: ErrorCode.BAD_USER_INPUT, ...(reason ? { reason } : {}) },
      };
    }
    const errorId = randomUUID();
    log.error({ err: unwrap(error), errorId, path: formatted.path, code }, 'unexpected error masked at the boundary');
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', errorId },
    };
  };
}

function unwrap(error: unknown): unknown {
  return error instanceof GraphQLError && error.originalError ? error.originalError : error;
}

/** True for a code from the catalogue. */
export function isClientErrorCode(code: string): code is ErrorCode {
  return CLIENT_CODES.has(code);
}

/** True for errors whose message and code are meant for the client. */
export function isClientError(error: unknown): error is GraphQLError {
  return error instanceof GraphQLError && CLIENT_CODES.has(String(error.extensions?.code));
}

/**
 * Runs a step of context creation; a catalogue error it throws ends the request with the error's own
 * HTTP status (401 for a bad token) instead of Apollo's default 500 for context failures.
 */
export async function withHttpStatus<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof DomainError) error.extensions.http = { status: error.httpStatus };
    throw error;
  }
}
