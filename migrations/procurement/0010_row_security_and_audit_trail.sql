-- Issue 8: row-level security driven by the request's identity, and an append-only audit trail.
--
-- Every request runs in one transaction that sets vbp.actor_role / vbp.actor_org / vbp.actor_region_like
-- with set_config(..., true) (subgraphs/shared/db/request-transaction.ts). The policies below repeat the
-- row scope of the *.scope.ts WHERE clauses, so a resolver that forgets its WHERE clause still cannot
-- read or write another organisation's rows. Event consumers and demo seeding act as SYSTEM. The table
-- owner (the migrating user) is not subject to these policies; procurement_app is (NOBYPASSRLS).

CREATE FUNCTION procurement.actor_role() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT coalesce(nullif(current_setting('vbp.actor_role', true), ''), 'NONE') $$;
CREATE FUNCTION procurement.actor_org() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('vbp.actor_org', true), '')::uuid $$;
-- A LIKE pattern for the regulator's region subtree; '-' matches no six-digit code.
CREATE FUNCTION procurement.actor_region_like() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT coalesce(nullif(current_setting('vbp.actor_region_like', true), ''), '-') $$;

-- The audit trail: one row per mutation, regulator read and denied attempt, written in the request's
-- transaction. The application role may append and (as a regulator, its region) read; never change.
CREATE TABLE procurement.audit_event (
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
CREATE INDEX audit_event_region_idx ON procurement.audit_event (actor_region text_pattern_ops, id DESC);
CREATE INDEX audit_event_request_idx ON procurement.audit_event (request_id);
REVOKE UPDATE, DELETE, TRUNCATE ON procurement.audit_event FROM procurement_app;
ALTER TABLE procurement.audit_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_append ON procurement.audit_event FOR INSERT WITH CHECK (true);
CREATE POLICY audit_read ON procurement.audit_event FOR SELECT
  USING (procurement.actor_role() = 'REGULATOR' AND coalesce(actor_region, '') LIKE procurement.actor_region_like());

-- Institutions: regulators their region subtree, an institution itself, enterprises the public directory.
ALTER TABLE procurement.institution ENABLE ROW LEVEL SECURITY;
CREATE POLICY institution_scope ON procurement.institution USING (
  procurement.actor_role() IN ('SYSTEM', 'MANUFACTURER', 'DISTRIBUTOR')
  OR (procurement.actor_role() = 'REGULATOR' AND region_code LIKE procurement.actor_region_like())
  OR (procurement.actor_role() = 'INSTITUTION' AND id = procurement.actor_org())
);

-- Reads order lines past their own policy: the order policy asks it, and the line policy asks the order's.
CREATE FUNCTION procurement.order_carries_products_of(order_id uuid, manufacturer_id uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$ SELECT EXISTS (SELECT 1 FROM procurement.order_line l JOIN procurement.product p ON p.id = l.product_id
                        WHERE l.order_id = $1 AND p.manufacturer_id = $2) $$;

-- Orders: regulators their region, the institution its own, the distributor those it delivers, a
-- manufacturer those carrying its products.
ALTER TABLE procurement.purchase_order ENABLE ROW LEVEL SECURITY;
CREATE POLICY order_scope ON procurement.purchase_order USING (
  procurement.actor_role() = 'SYSTEM'
  OR (procurement.actor_role() = 'REGULATOR' AND region_code LIKE procurement.actor_region_like())
  OR (procurement.actor_role() = 'INSTITUTION' AND institution_id = procurement.actor_org())
  OR (procurement.actor_role() = 'DISTRIBUTOR' AND distributor_id = procurement.actor_org())
  OR (procurement.actor_role() = 'MANUFACTURER' AND procurement.order_carries_products_of(id, procurement.actor_org()))
);
ALTER TABLE procurement.order_line ENABLE ROW LEVEL SECURITY;
CREATE POLICY order_line_scope ON procurement.order_line USING (
  EXISTS (SELECT 1 FROM procurement.purchase_order o WHERE o.id = order_id)
);
