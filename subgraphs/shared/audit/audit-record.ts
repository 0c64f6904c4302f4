import { FieldNode, GraphQLFormattedError, Kind, OperationDefinitionNode, valueFromASTUntyped } from 'graphql';
import { Identity, Role } from '../auth/identity';

/** How an audited operation ended. */
export type AuditOutcome = 'OK' | 'DENIED' | 'REJECTED' | 'FAILED';

/** One row of the audit trail: who did what to which entities, and how it ended. */
export interface AuditRecord {
  requestId: string;
  actorSubject: string | null;
  actorRole: string;
  actorDepartment: string | null;
  actorOrg: string | null;
  actorRegion: string | null;
  operationType: 'query' | 'mutation';
  operationName: string | null;
  field: string;
  entityIds: string[];
  outcome: AuditOutcome;
  errorCode: string | null;
}

const MAX_IDS = 100;
const UNAUDITED_FIELDS = new Set(['__typename', '__schema', '__type', '_service']);

/** The outcome an error code stands for; no error is OK. */
export function outcomeOf(code: string | undefined): AuditOutcome {
  if (code === undefined) return 'OK';
  if (code === 'FORBIDDEN' || code === 'UNAUTHENTICATED') return 'DENIED';
  if (code === 'BAD_USER_INPUT' || code === 'NOT_FOUND' || code === 'CONFLICT') return 'REJECTED';
  return 'FAILED';
}

/** Ids named by an argument value: `id`, `…Id` and `…Ids` keys at any depth, and entity representations. */
export function entityIdsIn(value: unknown, key = '', found = new Set<string>()): Set<string> {
  if (found.size >= MAX_IDS || value === null || value === undefined) return found;
  if (Array.isArray(value)) {
    for (const item of value) entityIdsIn(item, key, found);
  } else if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) entityIdsIn(v, k, found);
  } else if (typeof value === 'string' && (key === 'id' || key.endsWith('Id') || key.endsWith('Ids'))) {
    // Hostile input is audited too: control characters (PostgreSQL text rejects NUL) become U+FFFD.
    found.add(value.slice(0, 100).replace(/[\u0000-\u001f\u007f]/g, '\ufffd'));
  }
  return found;
}

/**
 * The audit rows one operation owes: every mutation field, every field a regulator reads, and every
 * field anyone was denied. Other reads (a hospital reading its own payables) are not audited: they
 * are the bulk of the traffic and the row scope already bounds them.
 */
export function auditRecordsFor(input: {
  requestId: string;
  identity: Identity | undefined;
  operation: OperationDefinitionNode | undefined;
  operationName: string | null;
  variables: Record<string, unknown> | undefined;
  data: Record<string, unknown> | null | undefined;
  errors: readonly GraphQLFormattedError[] | undefined;
}): AuditRecord[] {
  const { operation, identity } = input;
  if (!operation || operation.operation === 'subscription') return [];
  const operationType = operation.operation;
  const requestWideError = input.errors?.find((e) => !e.path || e.path.length === 0);
  const records: AuditRecord[] = [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    const field = selection as FieldNode;
    if (UNAUDITED_FIELDS.has(field.name.value)) continue;
    const responseKey = field.alias?.value ?? field.name.value;
    const error = input.errors?.find((e) => e.path?.[0] === responseKey) ?? requestWideError;
    const code = error ? String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR') : undefined;
    const outcome = outcomeOf(code);
    const audited = operationType === 'mutation' || identity?.role === Role.REGULATOR || outcome === 'DENIED';
    if (!audited) continue;
    const ids = new Set<string>();
    for (const argument of field.arguments ?? []) {
      entityIdsIn(valueFromASTUntyped(argument.value, input.variables), argument.name.value, ids);
    }
    const result = input.data?.[responseKey] as { id?: unknown } | null | undefined;
    if (operationType === 'mutation' && result && typeof result.id === 'string') ids.add(result.id);
    records.push({
      requestId: input.requestId,
      actorSubject: identity?.subject ?? null,
      actorRole: identity?.role ?? 'ANONYMOUS',
      actorDepartment: identity?.department ?? null,
      actorOrg: identity?.org ?? null,
      actorRegion: identity?.region ?? null,
      operationType,
      operationName: input.operationName,
      field: field.name.value,
      entityIds: [...ids].slice(0, MAX_IDS),
      outcome,
      errorCode: code ?? null,
    });
  }
  return records;
}
