import type { Identity } from '../subgraphs/shared/auth/identity';
import type { RequestWorkload } from '../subgraphs/shared/http/workload-headers';
import type { Logger } from '../subgraphs/shared/logger';

/** What the gateway knows about a request: the verified caller, and the header to forward as it came. */
export interface GatewayContext {
  requestId: string;
  identity: Identity;
  authorization: string;
  log: Logger;
  /** What the request's subgraph calls cost, added up as they answer. */
  workload: RequestWorkload;
}
