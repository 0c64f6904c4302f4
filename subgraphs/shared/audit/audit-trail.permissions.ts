import type { IRule } from 'graphql-shield';
import type { Department } from '../auth/identity';
import { fields, isRegulatorOf } from '../auth/permissions';
import type { SubgraphName } from '../db/data-source';

/**
 * The access rules of a subgraph's audit trail: the regulators of the departments that supervise that
 * subgraph's data, and no one else (an audited organisation never reads the trail about itself).
 */
export function auditTrailPermissions(subgraph: SubgraphName, ...departments: Department[]): { query: Record<string, IRule>; types: Record<string, Record<string, IRule>> } {
  const auditors = isRegulatorOf(...departments);
  return {
    query: { [`${subgraph}AuditTrail`]: auditors },
    types: {
      AuditEvent: fields(
        auditors,
        'id', 'occurredAt', 'requestId', 'actorSubject', 'actorRole', 'actorDepartment', 'actorOrg', 'actorRegion',
        'operationType', 'operationName', 'field', 'entityIds', 'outcome', 'errorCode',
      ),
      AuditEventConnection: fields(auditors, 'nodes', 'pageInfo'),
    },
  };
}
