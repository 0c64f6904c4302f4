import type { EntityManager } from 'typeorm';
import type { SubgraphName } from '../db/data-source';
import type { AuditRecord } from './audit-record';

/**
 * Appends audit rows in one statement, inside the caller's transaction: the rows commit with the work
 * they describe, and a failed append fails the request (the audit trail fails closed).
 */
export async function appendAuditRecords(manager: EntityManager, subgraph: SubgraphName, records: AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  const column = <K extends keyof AuditRecord>(key: K) => records.map((r) => r[key]);
  await manager.query(
    `INSERT INTO ${subgraph}.audit_event
       (request_id, actor_subject, actor_role, actor_department, actor_org, actor_region,
        operation_type, operation_name, field, entity_ids, outcome, error_code)
     SELECT r.request_id, r.actor_subject, r.actor_role, r.actor_department, r.actor_org::uuid, r.actor_region,
            r.operation_type, r.operation_name, r.field, ARRAY(SELECT jsonb_array_elements_text(r.entity_ids)), r.outcome, r.error_code
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                   $7::text[], $8::text[], $9::text[], $10::jsonb[], $11::text[], $12::text[])
         AS r(request_id, actor_subject, actor_role, actor_department, actor_org, actor_region,
              operation_type, operation_name, field, entity_ids, outcome, error_code)`,
    [
      column('requestId'),
      column('actorSubject'),
      column('actorRole'),
      column('actorDepartment'),
      column('actorOrg'),
      column('actorRegion'),
      column('operationType'),
      column('operationName'),
      column('field'),
      records.map((r) => JSON.stringify(r.entityIds)),
      column('outcome'),
      column('errorCode'),
    ],
  );
}
