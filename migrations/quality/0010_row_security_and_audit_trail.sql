-- Issue 8: row-level security driven by the request's identity, and an append-only audit trail.
--
-- Every request runs in one transaction that sets vbp.actor_role / vbp.actor_org / vbp.actor_region_like
-- with set_config(..., true) (subgraphs/shared/db/request-transaction.ts). The policies below repeat the
-- row scope of the *.scope.ts WHERE clauses, so a resolver that forgets its WHERE clause still cannot
-- read or write another organisation's rows. Event consumers and demo seeding act as SYSTEM. The table
-- owner (the migrating user) is not subject to these policies; quality_app is (NOBYPASSRLS).

CREATE FUNCTION quality.actor_role() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT coalesce(nullif(current_setting('vbp.actor_role', true), ''), 'NONE') $$;
CREATE FUNCTION quality.actor_org() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('vbp.actor_org', true), '')::uuid $$;
-- A LIKE pattern for the regulator's region subtree; '-' matches no six-digit code.
CREATE FUNCTION quality.actor_region_like() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT coalesce(nullif(current_setting('vbp.actor_region_like', true), ''), '-') $$;

-- The audit trail: one row per mutation, regulator read and denied attempt, written in the request's
-- transaction. The application role may append and (as a regulator, its region) read; never change.
CREATE TABLE quality.audit_event (
  id bigserial PRIMARY KEY,
  occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  request_id text NOT NULL,
  actor_subject text,
  actor_role text NOT NULL,
  actor_department text,
  actor_org uuid,
  actor_region text,
  operation_type text NOT NULL CHECK (operation_type IN ('query', 'mutation')),
  operation_name text,
  field text NOT NULL,
  entity_ids text[] NOT NULL DEFAULT '{}',
  outcome text NOT NULL CHECK (outcome IN ('OK', 'DENIED', 'REJECTED', 'FAILED')),
  error_code text
);
CREATE INDEX audit_event_region_idx ON quality.audit_event (actor_region text_pattern_ops, id DESC);
CREATE INDEX audit_event_request_idx ON quality.audit_event (request_id);
REVOKE UPDATE, DELETE, TRUNCATE ON quality.audit_event FROM quality_app;
ALTER TABLE quality.audit_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_append ON quality.audit_event FOR INSERT WITH CHECK (true);
CREATE POLICY audit_read ON quality.audit_event FOR SELECT
  USING (quality.actor_role() = 'REGULATOR' AND coalesce(actor_region, '') LIKE quality.actor_region_like());

-- Inspections: regulators their region, a manufacturer its products', an institution or distributor
-- those sampled on its premises.
ALTER TABLE quality.inspection ENABLE ROW LEVEL SECURITY;
CREATE POLICY inspection_scope ON quality.inspection USING (
  quality.actor_role() = 'SYSTEM'
  OR (quality.actor_role() = 'REGULATOR' AND region_code LIKE quality.actor_region_like())
  OR (quality.actor_role() = 'MANUFACTURER' AND manufacturer_id = quality.actor_org())
  OR (quality.actor_role() IN ('INSTITUTION', 'DISTRIBUTOR') AND sampled_at_org_id = quality.actor_org())
);
