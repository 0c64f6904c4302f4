-- The part of a GB/T 2260 code shared by the region and everything below it (440000 → '44', 440200 → '4402',
-- 000000 → ''), the SQL twin of region.ts regionPrefix: `child LIKE region_prefix(parent) || '%'` is containment.
CREATE FUNCTION distribution.region_prefix(code text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT CASE WHEN code = '000000' THEN '' WHEN code LIKE '__0000' THEN left(code, 2) WHEN code LIKE '____00' THEN left(code, 4) ELSE code END $$;
GRANT EXECUTE ON FUNCTION distribution.region_prefix(text) TO distribution_app;

-- Winning products as procurement announced them (WinningProductAwarded.v1): what a manufacturer may authorise distributors for.
CREATE TABLE distribution.winning_product_copy (
  id uuid PRIMARY KEY,
  batch_id uuid NOT NULL,
  batch_name text NOT NULL,
  region_codes text[] NOT NULL CHECK (cardinality(region_codes) > 0),
  cycle_start date NOT NULL,
  cycle_end date NOT NULL,
  product_id uuid NOT NULL,
  manufacturer_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('DRUG', 'CONSUMABLE')),
  product_name text NOT NULL,
  specification text NOT NULL
);
CREATE INDEX winning_product_copy_manufacturer_idx ON distribution.winning_product_copy (manufacturer_id, product_id);
CREATE INDEX winning_product_copy_product_idx ON distribution.winning_product_copy (product_id);

-- Participating institutions per winning product (AgreedVolumeSet.v1): who the authorised distributors must cover (D-02).
CREATE TABLE distribution.agreed_volume_copy (
  id uuid PRIMARY KEY,
  winning_product_id uuid NOT NULL,
  institution_id uuid NOT NULL,
  institution_name text NOT NULL,
  institution_region_code text NOT NULL CHECK (institution_region_code ~ '^[0-9]{6}$'),
  pooling_region_code text NOT NULL CHECK (pooling_region_code ~ '^[0-9]{6}$'),
  contract_year_start date NOT NULL,
  quantity bigint NOT NULL CHECK (quantity >= 0)
);
CREATE INDEX agreed_volume_copy_winner_idx ON distribution.agreed_volume_copy (winning_product_id, institution_region_code text_pattern_ops);

-- Dishonesty bans as quality decided them (EnterpriseBanned.v1, Q-03/G-08): no new authorisation while one is in force.
CREATE TABLE distribution.enterprise_ban_copy (
  ban_id uuid PRIMARY KEY,
  enterprise_id uuid NOT NULL,
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  lifted_on date,
  reason text NOT NULL
);
CREATE INDEX enterprise_ban_copy_enterprise_idx ON distribution.enterprise_ban_copy (enterprise_id);

-- D-02: the manufacturer's choice of distributor for a winning product in a pooling region, and the area it serves.
CREATE TABLE distribution.distributor_authorization (
  id uuid PRIMARY KEY,
  winning_product_id uuid NOT NULL REFERENCES distribution.winning_product_copy (id),
  product_id uuid NOT NULL,
  manufacturer_id uuid NOT NULL,
  distributor_id uuid NOT NULL REFERENCES distribution.enterprise (id),
  kind text NOT NULL CHECK (kind IN ('DRUG', 'CONSUMABLE')),
  pooling_region_code text NOT NULL CHECK (pooling_region_code ~ '^[0-9]{6}$'),
  coverage_region_codes text[] NOT NULL CHECK (cardinality(coverage_region_codes) BETWEEN 1 AND 100),
  status text NOT NULL CHECK (status IN ('ACTIVE', 'REVOKED')),
  authorized_at timestamptz NOT NULL,
  revoked_at timestamptz,
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  CHECK ((status = 'REVOKED') = (revoked_at IS NOT NULL))
);
-- One active authorisation per distributor, winning product and pooling region; the G-07 count runs on this index.
CREATE UNIQUE INDEX distributor_authorization_active_idx ON distribution.distributor_authorization (winning_product_id, pooling_region_code, distributor_id) WHERE status = 'ACTIVE';
CREATE INDEX distributor_authorization_manufacturer_idx ON distribution.distributor_authorization (manufacturer_id, id);
CREATE INDEX distributor_authorization_distributor_idx ON distribution.distributor_authorization (distributor_id, product_id);
CREATE INDEX distributor_authorization_region_idx ON distribution.distributor_authorization (pooling_region_code text_pattern_ops, id);

-- D-04: the emergency flag of OrderPlaced.v1 (absent in older events: not an emergency).
ALTER TABLE distribution.order_copy ADD COLUMN emergency boolean NOT NULL DEFAULT false;
CREATE INDEX order_copy_region_idx ON distribution.order_copy (region_code text_pattern_ops, id);
-- D-05: "a product the enterprise makes" is read from the order lines that name it as manufacturer.
CREATE INDEX order_line_copy_product_idx ON distribution.order_line_copy (product_id, manufacturer_id);

-- D-04: platform delivery time limits per region (standard, emergency, remote-area orders), inherited like every G parameter.
ALTER TABLE distribution.jurisdiction_policy
  ADD COLUMN delivery_limit_hours integer CHECK (delivery_limit_hours > 0),
  ADD COLUMN emergency_delivery_limit_hours integer CHECK (emergency_delivery_limit_hours > 0),
  ADD COLUMN remote_delivery_limit_hours integer CHECK (remote_delivery_limit_hours > 0);

-- D-03/D-04: remote areas (偏远地区) as a region's policy designates them; an institution in or below one gets the remote limit.
CREATE TABLE distribution.remote_area (
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  effective_from date NOT NULL,
  effective_to date,
  document text NOT NULL,
  PRIMARY KEY (region_code, effective_from),
  CHECK (effective_to IS NULL OR effective_to >= effective_from)
);

-- D-03: the line-by-line check of a receipt: what the institution received and accepted per order line.
ALTER TABLE distribution.delivery
  ADD COLUMN accepted_amount numeric(20, 6) CHECK (accepted_amount >= 0),
  ADD COLUMN discrepancy_count integer NOT NULL DEFAULT 0 CHECK (discrepancy_count >= 0);
CREATE TABLE distribution.receipt_line (
  delivery_id uuid NOT NULL REFERENCES distribution.delivery (id),
  line_no integer NOT NULL,
  received_quantity bigint NOT NULL CHECK (received_quantity >= 0),
  accepted_quantity bigint NOT NULL CHECK (accepted_quantity >= 0),
  accepted_amount numeric(20, 6) NOT NULL CHECK (accepted_amount >= 0),
  PRIMARY KEY (delivery_id, line_no)
);
CREATE TABLE distribution.delivery_discrepancy (
  delivery_id uuid NOT NULL REFERENCES distribution.delivery (id),
  line_no integer NOT NULL,
  field text NOT NULL CHECK (field IN ('PRODUCT_NAME', 'SPECIFICATION', 'DOSAGE_FORM', 'PACK', 'MANUFACTURER', 'QUANTITY')),
  expected text,
  received text,
  PRIMARY KEY (delivery_id, line_no, field)
);

-- D-06: traceability codes (追溯码) of the packs delivered, one pack one code.
CREATE TABLE distribution.traceability_code (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]{20}$'),
  delivery_id uuid NOT NULL REFERENCES distribution.delivery (id),
  line_no integer NOT NULL,
  product_id uuid NOT NULL,
  batch_number text,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX traceability_code_delivery_idx ON distribution.traceability_code (delivery_id, line_no);

-- D-05: stock reports, each all-or-nothing under the enterprise's idempotency key.
CREATE TABLE distribution.stock_report (
  id uuid PRIMARY KEY,
  enterprise_id uuid NOT NULL,
  idempotency_key text NOT NULL,
  request_hash text NOT NULL,
  line_count integer NOT NULL CHECK (line_count > 0),
  reported_at timestamptz NOT NULL,
  UNIQUE (enterprise_id, idempotency_key)
);
CREATE TABLE distribution.stock_report_line (
  report_id uuid NOT NULL REFERENCES distribution.stock_report (id),
  line_no integer NOT NULL,
  product_id uuid NOT NULL,
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  batch_number text,
  quantity_on_hand bigint NOT NULL CHECK (quantity_on_hand >= 0),
  emergency_reserve bigint NOT NULL CHECK (emergency_reserve >= 0),
  PRIMARY KEY (report_id, line_no)
);
-- The latest stock per enterprise × product × region: the last report's lines for it, summed.
CREATE TABLE distribution.stock_level (
  enterprise_id uuid NOT NULL,
  product_id uuid NOT NULL,
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  quantity_on_hand bigint NOT NULL CHECK (quantity_on_hand >= 0),
  emergency_reserve bigint NOT NULL CHECK (emergency_reserve >= 0),
  report_id uuid NOT NULL,
  reported_at timestamptz NOT NULL,
  PRIMARY KEY (enterprise_id, product_id, region_code)
);
CREATE INDEX stock_level_region_idx ON distribution.stock_level (region_code text_pattern_ops);

-- D-05: monthly production capacity per manufacturer and product (latest report wins).
CREATE TABLE distribution.capacity_report (
  enterprise_id uuid NOT NULL,
  product_id uuid NOT NULL,
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  monthly_capacity bigint NOT NULL CHECK (monthly_capacity > 0),
  reported_at timestamptz NOT NULL,
  PRIMARY KEY (enterprise_id, product_id)
);

-- D-05: production stop reports (停产报告).
CREATE TABLE distribution.production_stop (
  id uuid PRIMARY KEY,
  enterprise_id uuid NOT NULL,
  product_id uuid NOT NULL,
  region_codes text[] NOT NULL CHECK (cardinality(region_codes) BETWEEN 1 AND 50),
  reason text NOT NULL CHECK (reason IN ('RAW_MATERIAL_SHORTAGE', 'EQUIPMENT_FAILURE', 'REGULATORY_ORDER', 'MARKET_EXIT', 'MAINTENANCE', 'OTHER')),
  details text,
  stopped_from date NOT NULL,
  expected_resume_on date,
  reported_at timestamptz NOT NULL,
  CHECK (expected_resume_on IS NULL OR expected_resume_on >= stopped_from)
);
CREATE INDEX production_stop_enterprise_idx ON distribution.production_stop (enterprise_id, id);
