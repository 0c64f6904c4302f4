-- Issue 8: row-level security driven by the request's identity, and an append-only audit trail.
--
-- Every request runs in one transaction that sets vbp.actor_role / vbp.actor_org / vbp.actor_region_like
-- with set_config(..., true) (subgraphs/shared/db/request-transaction.ts). The policies below repeat the
-- row scope of the *.scope.ts WHERE clauses, so a resolver that forgets its WHERE clause still cannot
-- read or write another organisation's rows. Event consumers and demo seeding act as SYSTEM. The table
-- owner (the migrating user) is not subject to these policies; distribution_app is (NOBYPASSRLS).

CREATE FUNCTION distribution.actor_role() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT coalesce(nullif(current_setting('vbp.actor_role', true), ''), 'NONE') $$;
CREATE FUNCTION distribution.actor_org() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('vbp.actor_org', true), '')::uuid $$;
-- A LIKE pattern for the regulator's region subtree; '-' matches no six-digit code.
CREATE FUNCTION distribution.actor_region_like() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT coalesce(nullif(current_setting('vbp.actor_region_like', true), ''), '-') $$;

-- The audit trail: one row per mutation, regulator read and denied attempt, written in the request's
-- transaction. The application role may append and (as a regulator, its region) read; never change.
CREATE TABLE distribution.audit_event (
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
CREATE INDEX audit_event_region_idx ON distribution.audit_event (actor_region text_pattern_ops, id DESC);
CREATE INDEX audit_event_request_idx ON distribution.audit_event (request_id);
REVOKE UPDATE, DELETE, TRUNCATE ON distribution.audit_event FROM distribution_app;
ALTER TABLE distribution.audit_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_append ON distribution.audit_event FOR INSERT WITH CHECK (true);
CREATE POLICY audit_read ON distribution.audit_event FOR SELECT
  USING (distribution.actor_role() = 'REGULATOR' AND coalesce(actor_region, '') LIKE distribution.actor_region_like());

CREATE FUNCTION distribution.order_carries_products_of(order_id uuid, manufacturer_id uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$ SELECT EXISTS (SELECT 1 FROM distribution.order_line_copy l WHERE l.order_id = $1 AND l.manufacturer_id = $2) $$;

-- Order copies and deliveries: regulators their region, the institution those to it, the distributor its
-- own, a manufacturer those carrying its products.
ALTER TABLE distribution.order_copy ENABLE ROW LEVEL SECURITY;
CREATE POLICY order_copy_scope ON distribution.order_copy USING (
  distribution.actor_role() = 'SYSTEM'
  OR (distribution.actor_role() = 'REGULATOR' AND region_code LIKE distribution.actor_region_like())
  OR (distribution.actor_role() = 'INSTITUTION' AND institution_id = distribution.actor_org())
  OR (distribution.actor_role() = 'DISTRIBUTOR' AND distributor_id = distribution.actor_org())
  OR (distribution.actor_role() = 'MANUFACTURER' AND distribution.order_carries_products_of(id, distribution.actor_org()))
);
ALTER TABLE distribution.order_line_copy ENABLE ROW LEVEL SECURITY;
CREATE POLICY order_line_copy_scope ON distribution.order_line_copy USING (
  EXISTS (SELECT 1 FROM distribution.order_copy o WHERE o.id = order_id)
);
ALTER TABLE distribution.delivery ENABLE ROW LEVEL SECURITY;
CREATE POLICY delivery_scope ON distribution.delivery USING (
  distribution.actor_role() = 'SYSTEM'
  OR (distribution.actor_role() = 'REGULATOR' AND region_code LIKE distribution.actor_region_like())
  OR (distribution.actor_role() = 'INSTITUTION' AND institution_id = distribution.actor_org())
  OR (distribution.actor_role() = 'DISTRIBUTOR' AND distributor_id = distribution.actor_org())
  OR (distribution.actor_role() = 'MANUFACTURER' AND distribution.order_carries_products_of(order_id, distribution.actor_org()))
);
