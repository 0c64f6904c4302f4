import { Arg, ClassType, Ctx, Directive, Field, ID, InputType, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import type { SubgraphName } from '../db/data-source';
import { errors } from '../errors';
import { Connection, PageInput, pageRequest, toPage } from '../graphql/pagination';
import { DateTimeScalar, parseInstant } from '../graphql/scalars';
import { regionLikePattern } from '../region';
import { requireId } from '../validation';

export enum AuditOutcomeValue {
  OK = 'OK',
  DENIED = 'DENIED',
  REJECTED = 'REJECTED',
  FAILED = 'FAILED',
}
registerEnumType(AuditOutcomeValue, {
  name: 'AuditOutcome',
  description: 'How an audited operation ended (审计结果).',
  valuesConfig: {
    OK: { description: 'It did what was asked.' },
    DENIED: { description: 'Refused: the caller was not authenticated or not allowed.' },
    REJECTED: { description: 'Refused as bad input, unknown id or a conflict; nothing was written.' },
    FAILED: { description: 'An internal failure; nothing was written.' },
  },
});

@ObjectType({ description: 'One entry of a subgraph’s audit trail (审计日志): who did what to which entities, and how it ended.' })
@Directive('@shareable')
export class AuditEvent {
  @Field(() => ID, { description: 'Sequence number of the entry within its subgraph.' })
  id: string;

  @Field(() => DateTimeScalar, { description: 'When the entry was written.' })
  occurredAt: string;

  @Field(() => String, { description: 'The request id, shared by the gateway and every subgraph the request reached.' })
  requestId: string;

  @Field(() => String, { nullable: true, description: 'The token subject (the person or system account).' })
  actorSubject: string | null;

  @Field(() => String, { description: 'The caller’s role; ANONYMOUS when the request carried no valid token.' })
  actorRole: string;

  @Field(() => String, { nullable: true, description: 'A regulator’s department.' })
  actorDepartment: string | null;

  @Field(() => ID, { nullable: true, description: 'The caller’s organisation (institution or enterprise).' })
  actorOrg: string | null;

  @Field(() => String, { nullable: true, description: 'The caller’s region code.' })
  actorRegion: string | null;

  @Field(() => String, { description: 'query or mutation.' })
  operationType: string;

  @Field(() => String, { nullable: true, description: 'The operation name the client gave.' })
  operationName: string | null;

  @Field(() => String, { description: 'The root field called, e.g. placeOrder or _entities.' })
  field: string;

  @Field(() => [String], { description: 'Ids the call named (arguments ending in id) and, for a mutation, the id it returned.' })
  entityIds: string[];

  @Field(() => AuditOutcomeValue, { description: 'How it ended.' })
  outcome: AuditOutcomeValue;

  @Field(() => String, { nullable: true, description: 'The error code it ended with, if any.' })
  errorCode: string | null;
}

@ObjectType({ description: 'A page of audit entries.' })
@Directive('@shareable')
export class AuditEventConnection extends Connection(AuditEvent, 'The entries of this page, newest first.') {}

@InputType({ description: 'Narrows an audit trail.' })
export class AuditTrailFilter {
  @Field(() => AuditOutcomeValue, { nullable: true, description: 'Only entries with this outcome (e.g. DENIED).' })
  outcome?: AuditOutcomeValue;

  @Field(() => ID, { nullable: true, description: 'Only entries of callers from this organisation.' })
  actorOrg?: string;

  @Field(() => String, { nullable: true, description: 'Only calls of this root field.' })
  field?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only entries written at or after this instant.' })
  since?: string;

  @Field(() => String, { nullable: true, description: 'Only entries of this request.' })
  requestId?: string;
}

/**
 * The audit trail of one subgraph, for regulators: `<subgraph>AuditTrail`. Which departments may ask is
 * the subgraph's access rule; the rows are those of callers in the regulator's region subtree (the WHERE
 * clause below, and row-level security on the table behind it).
 */
export function auditTrailResolver(subgraph: SubgraphName): ClassType {
  @Resolver()
  class AuditTrailResolver {
    @Query(() => AuditEventConnection, {
      name: `${subgraph}AuditTrail`,
      description: `The ${subgraph} subgraph’s audit trail (审计日志) of callers in the regulator’s region: mutations, regulators’ reads and denied attempts, newest first.`,
    })
    async auditTrail(
      @Ctx() ctx: RequestContext,
      @Arg('filter', () => AuditTrailFilter, { nullable: true, description: 'Optional narrowing.' }) filter?: AuditTrailFilter,
      @Arg('page', () => PageInput, { nullable: true, description: 'Cursor pagination.' }) page?: PageInput,
    ) {
      const request = pageRequest(page);
      const where: string[] = ['coalesce(actor_region, \'\') LIKE $1'];
      const params: unknown[] = [regionLikePattern(ctx.identity!.region!)];
      const add = (clause: string, value: unknown) => {
        params.push(value);
        where.push(clause.replace('?', `$${params.length}`));
      };
      if (filter?.outcome) add('outcome = ?', filter.outcome);
      if (filter?.actorOrg) add('actor_org = ?', requireId(filter.actorOrg, 'filter.actorOrg'));
      if (filter?.field) add('field = ?', filter.field.slice(0, 100));
      if (filter?.since) add('occurred_at >= ?', parseInstant(filter.since).toISOString());
      if (filter?.requestId) add('request_id = ?', filter.requestId.slice(0, 100));
      if (request.afterKey) {
        if (!/^[0-9]{1,18}$/.test(request.afterKey)) throw errors.badInput('after is not a cursor this API issued', { field: 'after' });
        add('id < ?', request.afterKey);
      }
      params.push(request.limit + 1);
      const rows: Array<Record<string, unknown>> = await ctx.db.query(
        `SELECT id::text, occurred_at, request_id, actor_subject, actor_role, actor_department, actor_org, actor_region,
                operation_type, operation_name, field, entity_ids, outcome, error_code
           FROM ${subgraph}.audit_event WHERE ${where.join(' AND ')}
          ORDER BY id DESC LIMIT $${params.length}`,
        params,
      );
      const events: AuditEvent[] = rows.map((r) => ({
        id: r.id as string,
        occurredAt: new Date(r.occurred_at as string).toISOString(),
        requestId: r.request_id as string,
        actorSubject: r.actor_subject as string | null,
        actorRole: r.actor_role as string,
        actorDepartment: r.actor_department as string | null,
        actorOrg: r.actor_org as string | null,
        actorRegion: r.actor_region as string | null,
        operationType: r.operation_type as string,
        operationName: r.operation_name as string | null,
        field: r.field as string,
        entityIds: r.entity_ids as string[],
        outcome: r.outcome as AuditOutcomeValue,
        errorCode: r.error_code as string | null,
      }));
      return toPage(events, request, (e) => e.id);
    }
  }
  return AuditTrailResolver;
}
