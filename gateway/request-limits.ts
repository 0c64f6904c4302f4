import type { ApolloServerPlugin } from '@apollo/server';
import {
  DocumentNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLNamedType,
  GraphQLSchema,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValueNode,
  visit,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from '../subgraphs/shared/graphql/pagination';
import { DEFAULT_REQUESTS_IN_FLIGHT } from '../subgraphs/shared/http/admission';

/**
 * Every limit the gateway puts on a request, in one place. Each refusal names the limit, its maximum and
 * what the request had, and happens before the query is planned: no subgraph is called, no SQL runs.
 */
export const REQUEST_LIMITS = {
  /** Bytes of a request body; more is HTTP 413. Sized for a bulk D-05 stock report (20,000 lines ≈ 2.5 MiB of variables). */
  maxBodyBytes: 4 * 1024 * 1024,
  /** Lexical tokens of a document (checked while parsing). */
  maxTokens: 3000,
  /** Nesting of fields, fragments expanded. */
  maxDepth: 12,
  /** Aliased fields in one operation. */
  maxAliases: 20,
  /** Directive uses in one operation. */
  maxDirectives: 10,
  /** Estimated work: each object field counts 1, multiplied by the page sizes of the lists around it. */
  maxCost: 25_000,
  /** Requests per caller (token subject) per minute; more is HTTP 429. */
  requestsPerMinute: 600,
  /** Client requests run at once; more wait in arrival order (MAX_REQUESTS_IN_FLIGHT). */
  requestsInFlight: DEFAULT_REQUESTS_IN_FLIGHT,
  /** A subgraph call that takes longer is abandoned; subgraphs also cancel the SQL (statement_timeout). */
  subgraphTimeoutMs: 15_000,
} as const;

export type RequestLimits = { [K in keyof typeof REQUEST_LIMITS]: number };

/** A refusal for going over a limit: BAD_USER_INPUT with the limit named, and the HTTP status that fits. */
export function limitExceeded(limit: string, max: number, actual: number, status = 400): GraphQLError {
  return new GraphQLError(`Request refused: ${limit} is ${actual}, more than the limit of ${max}`, {
    extensions: { code: 'BAD_USER_INPUT', limit, max, actual, http: { status } },
  });
}

interface Measures {
  depth: number;
  aliases: number;
  directives: number;
  cost: number;
}

function listSize(args: ReadonlyArray<{ name: { value: string }; value: ValueNode }>, variables: Record<string, unknown>): number {
  const read = (node: ValueNode | undefined): unknown => {
    if (!node) return undefined;
    if (node.kind === Kind.VARIABLE) return variables[node.name.value];
    if (node.kind === Kind.INT) return Number(node.value);
    if (node.kind === Kind.OBJECT) return Object.fromEntries(node.fields.map((f) => [f.name.value, read(f.value)]));
    return undefined;
  };
  for (const arg of args) {
    const value = read(arg.value);
    if ((arg.name.value === 'first' || arg.name.value === 'last') && typeof value === 'number') return value;
    if (arg.name.value === 'page' && value && typeof value === 'object') {
      const first = (value as { first?: unknown }).first;
      if (typeof first === 'number') return first;
    }
  }
  return DEFAULT_PAGE_SIZE;
}

/** Depth and cost of a selection set, fragments expanded (a fragment cycle is invalid and never reaches here). */
function measureSelections(
  selectionSet: SelectionSetNode,
  parent: GraphQLNamedType,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  schema: GraphQLSchema,
): { depth: number; cost: number } {
  let depth = 0;
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const fields = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields() : {};
      const definition = fields[selection.name.value];
      if (!definition || !selection.selectionSet) {
        depth = Math.max(depth, 1);
        continue;
      }
      const type = getNamedType(definition.type);
      const inner = measureSelections(selection.selectionSet, type, fragments, variables, schema);
      // A connection counts its page size once; its `nodes` list is that page, not another multiplier.
      const insideConnection = parent.name.endsWith('Connection');
      const many = !insideConnection && (isListType(getNullableType(definition.type)) || type.name.endsWith('Connection'));
      const multiplier = many ? listSize(selection.arguments ?? [], variables) : 1;
      cost += multiplier * (1 + inner.cost);
      depth = Math.max(depth, 1 + inner.depth);
    } else {
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments[selection.name.value] : selection;
      if (!fragment) continue;
      const typeName = fragment.typeCondition?.name.value;
      const type = (typeName && schema.getType(typeName)) || parent;
      const inner = measureSelections(fragment.selectionSet, type, fragments, variables, schema);
      cost += inner.cost;
      depth = Math.max(depth, inner.depth);
    }
  }
  return { depth, cost };
}

/** What a request asks of the hub, by the measures the limits are set in. */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): Measures {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  let aliases = 0;
  let directives = 0;
  visit(document, {
    Field: (node) => void (node.alias && (aliases += 1)),
    Directive: () => void (directives += 1),
  });
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  const { depth, cost } = root ? measureSelections(operation.selectionSet, root, fragments, variables, schema) : { depth: 0, cost: 0 };
  return { depth, aliases, directives, cost };
}

/** Checks each operation against the limits once it is parsed and validated, before it is planned. */
export function operationLimits(limits: RequestLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const m = measureOperation(schema, document, operation, request.variables ?? {});
          if (m.depth > limits.maxDepth) throw limitExceeded('depth', limits.maxDepth, m.depth);
          if (m.aliases > limits.maxAliases) throw limitExceeded('aliases', limits.maxAliases, m.aliases);
          if (m.directives > limits.maxDirectives) throw limitExceeded('directives', limits.maxDirectives, m.directives);
          if (m.cost > limits.maxCost) throw limitExceeded('cost', limits.maxCost, m.cost);
        },
      };
    },
  };
}

/**
 * Requests per caller per minute, counted in a sliding window of one-second buckets. One per gateway
 * process: behind several gateways each enforces its own share.
 */
export class CallerRateLimiter {
  private readonly windows = new Map<string, { second: number; counts: number[] }>();

  constructor(private readonly perMinute: number) {}

  /** Counts one request; returns the seconds to wait when the caller is over the limit, else 0. */
  take(caller: string, now = Date.now()): number {
    const second = Math.floor(now / 1000);
    let window = this.windows.get(caller);
    if (!window) this.windows.set(caller, (window = { second, counts: new Array(60).fill(0) }));
    for (let s = window.second + 1; s <= Math.min(second, window.second + 60); s += 1) window.counts[s % 60] = 0;
    window.second = Math.max(window.second, second);
    const used = window.counts.reduce((a, b) => a + b, 0);
    if (used >= this.perMinute) return Math.max(1, 60 - (second % 60));
    window.counts[second % 60] += 1;
    if (this.windows.size > 100_000) this.forgetIdle(second);
    return 0;
  }

  private forgetIdle(second: number): void {
    for (const [caller, window] of this.windows) if (second - window.second > 60) this.windows.delete(caller);
  }
}
