-- Issue 8: row-level security driven by the request's identity, and an append-only audit trail.
--
-- Every request runs in one transaction that sets vbp.actor_role / vbp.actor_org / vbp.actor_region_like
-- with set_config(..., true) (subgraphs/shared/db/request-transaction.ts). The policies below repeat the
-- row scope of the *.scope.ts WHERE clauses, so a resolver that forgets its WHERE clause still cannot
-- read or write another organisation's rows. Event consumers and demo seeding act as SYSTEM. The table
-- owner (the migrating user) is not subject to these policies; insurance_app is (NOBYPASSRLS).

CREATE FUNCTION insurance.actor_role() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT coalesce(nullif(current_setting('vbp.actor_role', true), ''), 'NONE') $$;
CREATE FUNCTION insurance.actor_org() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('vbp.actor_org', true), '')::uuid $$;
-- A LIKE pattern for the regulator's region subtree; '-' matches no six-digit code.
CREATE FUNCTION insurance.actor_region_like() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT coalesce(nullif(current_setting('vbp.actor_region_like', true), ''), '-') $$;

-- The audit trail: one row per mutation, regulator read and denied attempt, written in the request's
-- transaction. The application role may append and (as a regulator, its region) read; never change.
CREATE TABLE insurance.audit_event (
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
CREATE INDEX audit_event_region_idx ON insurance.audit_event (actor_region text_pattern_ops, id DESC);
CREATE INDEX audit_event_request_idx ON insurance.audit_event (request_id);
REVOKE UPDATE, DELETE, TRUNCATE ON insurance.audit_event FROM insurance_app;
ALTER TABLE insurance.audit_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_append ON insurance.audit_event FOR INSERT WITH CHECK (true);
CREATE POLICY audit_read ON insurance.audit_event FOR SELECT
  USING (insurance.actor_role() = 'REGULATOR' AND coalesce(actor_region, '') LIKE insurance.actor_region_like());

-- Payables: regulators their region, the institution its own, the enterprise its receivables.
ALTER TABLE insurance.settlement ENABLE ROW LEVEL SECURITY;
CREATE POLICY settlement_scope ON insurance.settlement USING (
  insurance.actor_role() = 'SYSTEM'
  OR (insurance.actor_role() = 'REGULATOR' AND region_code LIKE insurance.actor_region_like())
  OR (insurance.actor_role() = 'INSTITUTION' AND institution_id = insurance.actor_org())
  OR (insurance.actor_role() IN ('MANUFACTURER', 'DISTRIBUTOR') AND enterprise_id = insurance.actor_org())
);
ALTER TABLE insurance.settlement_line ENABLE ROW LEVEL SECURITY;
CREATE POLICY settlement_line_scope ON insurance.settlement_line USING (
  EXISTS (SELECT 1 FROM insurance.settlement s WHERE s.id = settlement_id)
);
ALTER TABLE insurance.payment ENABLE ROW LEVEL SECURITY;
CREATE POLICY payment_scope ON insurance.payment USING (
  EXISTS (SELECT 1 FROM insurance.settlement s WHERE s.id = settlement_id)
);
