-- Quality supervision beyond inspections: incidents (Q-02), dishonesty bans (Q-03, G-08), credit (Q-04),
-- price risk (Q-05), shortage monitoring (Q-06) and price linkage (Q-07), with the local copies of other
-- subgraphs' facts they are computed from (kept by event handlers, never read across schemas).

-- Q-01: who recorded an inspection through the API (demo rows have none).
ALTER TABLE quality.inspection ADD COLUMN recorded_by text;

-- Local copy of the enterprise register (distribution.EnterpriseRegistered.v1), to check the ids quality is given.
CREATE TABLE quality.enterprise (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  credit_code text NOT NULL,
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  status text NOT NULL,
  is_manufacturer boolean NOT NULL,
  is_distributor boolean NOT NULL,
  registered_at timestamptz NOT NULL
);

-- Q-02: a quality or supply failure of a winner, its substitute supplier, emergency plan and who pays.
CREATE TABLE quality.incident (
  id uuid PRIMARY KEY,
  product_id uuid NOT NULL,
  enterprise_id uuid NOT NULL REFERENCES quality.enterprise (id),
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  kind text NOT NULL CHECK (kind IN ('QUALITY_FAILURE', 'SUPPLY_FAILURE')),
  description text NOT NULL CHECK (length(btrim(description)) BETWEEN 1 AND 2000),
  occurred_on date NOT NULL,
  substitute_supplier_id uuid REFERENCES quality.enterprise (id),
  emergency_supply_plan text,
  state text NOT NULL CHECK (state IN ('OPEN', 'RESOLVED')),
  liability text CHECK (liability IN ('WINNER_LIABLE', 'FORCE_MAJEURE')),
  replacement_cost numeric(18, 2) CHECK (replacement_cost >= 0),
  replacement_cost_paid_on date,
  resolution text,
  resolved_on date,
  opened_by text NOT NULL,
  resolved_by text,
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  -- A resolved incident states liability and cost; force majeure owes nothing (Q-02).
  CHECK (state = 'OPEN' OR (liability IS NOT NULL AND replacement_cost IS NOT NULL AND resolved_on IS NOT NULL)),
  CHECK (liability IS DISTINCT FROM 'FORCE_MAJEURE' OR (replacement_cost = 0 AND replacement_cost_paid_on IS NULL)),
  CHECK (state = 'RESOLVED' OR (liability IS NULL AND replacement_cost IS NULL AND resolved_on IS NULL))
);
CREATE INDEX incident_region_idx ON quality.incident (region_code text_pattern_ops, id);
CREATE INDEX incident_enterprise_idx ON quality.incident (enterprise_id, id);

-- Q-03 / G-08: a dishonest enterprise's ban, from one unpaid incident.
CREATE TABLE quality.enterprise_ban (
  id uuid PRIMARY KEY,
  enterprise_id uuid NOT NULL REFERENCES quality.enterprise (id),
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  incident_id uuid REFERENCES quality.incident (id),
  reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 500),
  scope text NOT NULL,
  policy_document text NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  lifted_on date,
  lift_reason text,
  declared_by text NOT NULL,
  lifted_by text,
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on > starts_on),
  CHECK ((lifted_on IS NULL) = (lift_reason IS NULL))
);
CREATE UNIQUE INDEX enterprise_ban_incident_key ON quality.enterprise_ban (incident_id) WHERE incident_id IS NOT NULL;
CREATE INDEX enterprise_ban_region_idx ON quality.enterprise_ban (region_code text_pattern_ops, starts_on);
CREATE INDEX enterprise_ban_enterprise_idx ON quality.enterprise_ban (enterprise_id);

-- Q-04: court judgements, administrative penalties and dishonesty findings, the basis of the credit rating.
CREATE TABLE quality.credit_record (
  id uuid PRIMARY KEY,
  enterprise_id uuid NOT NULL REFERENCES quality.enterprise (id),
  kind text NOT NULL CHECK (kind IN ('COURT_JUDGEMENT', 'ADMINISTRATIVE_PENALTY', 'DISHONESTY')),
  severity text NOT NULL CHECK (severity IN ('GENERAL', 'MEDIUM', 'SERIOUS', 'PARTICULARLY_SERIOUS')),
  decided_on date NOT NULL,
  source_document text NOT NULL CHECK (length(btrim(source_document)) BETWEEN 1 AND 300),
  summary text NOT NULL CHECK (length(btrim(summary)) BETWEEN 1 AND 1000),
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  ban_id uuid REFERENCES quality.enterprise_ban (id),
  recorded_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX credit_record_enterprise_idx ON quality.credit_record (enterprise_id, decided_on DESC, id);

-- Q-05: price-risk flags and the action taken.
CREATE TABLE quality.price_risk_flag (
  id uuid PRIMARY KEY,
  product_id uuid NOT NULL,
  enterprise_id uuid NOT NULL REFERENCES quality.enterprise (id),
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  colour text NOT NULL CHECK (colour IN ('RED', 'YELLOW')),
  basis text NOT NULL CHECK (basis IN ('ABNORMAL_SALES_GROWTH', 'REPEATED_PRICE_RISE', 'OTHER')),
  action text NOT NULL CHECK (action IN ('REMINDER', 'INTERVIEW', 'INQUIRY', 'SUSPENSION', 'DELISTING')),
  reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 1000),
  flagged_on date NOT NULL,
  flagged_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX price_risk_flag_region_idx ON quality.price_risk_flag (region_code text_pattern_ops, id);
CREATE INDEX price_risk_flag_enterprise_idx ON quality.price_risk_flag (enterprise_id, id);

-- Q-05 data: each ordered line (procurement.OrderPlaced.v1), one row per line so a replay cannot double it.
CREATE TABLE quality.sale_line (
  order_id uuid NOT NULL,
  line_no integer NOT NULL,
  product_id uuid NOT NULL,
  manufacturer_id uuid NOT NULL,
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}0000$'),
  sales_month date NOT NULL CHECK (extract(day FROM sales_month) = 1),
  quantity bigint NOT NULL CHECK (quantity > 0),
  amount numeric(20, 4) NOT NULL CHECK (amount >= 0),
  PRIMARY KEY (order_id, line_no)
);
CREATE INDEX sale_line_month_idx ON quality.sale_line (province_code, sales_month, product_id);

-- Q-05 / Q-07 data: listings as procurement announces them (procurement.ListingChanged.v1), and every price change.
CREATE TABLE quality.listing (
  id uuid PRIMARY KEY,
  product_id uuid NOT NULL,
  manufacturer_id uuid,
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  status text NOT NULL,
  listed_price numeric(18, 4) NOT NULL CHECK (listed_price > 0),
  changed_at timestamptz NOT NULL
);
CREATE INDEX listing_region_idx ON quality.listing (region_code text_pattern_ops, product_id);
CREATE TABLE quality.listing_price_change (
  listing_id uuid NOT NULL,
  changed_at timestamptz NOT NULL,
  listed_price numeric(18, 4) NOT NULL CHECK (listed_price > 0),
  status text NOT NULL,
  PRIMARY KEY (listing_id, changed_at)
);

-- Q-06: products on a shortage watch list, as each region's regulator applies the lists.
CREATE TABLE quality.shortage_watch (
  product_id uuid NOT NULL,
  list text NOT NULL CHECK (list IN ('NATIONAL_SHORTAGE', 'CLINICALLY_NECESSARY_EASILY_SHORT')),
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  added_on date NOT NULL,
  changed_by text NOT NULL,
  PRIMARY KEY (product_id, list, region_code)
);
-- Q-06 data: the latest stock per enterprise, product and region (distribution.StockReported.v1).
CREATE TABLE quality.stock_level (
  enterprise_id uuid NOT NULL,
  product_id uuid NOT NULL,
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  quantity_on_hand bigint NOT NULL CHECK (quantity_on_hand >= 0),
  emergency_reserve bigint NOT NULL CHECK (emergency_reserve >= 0),
  reported_at timestamptz NOT NULL,
  PRIMARY KEY (enterprise_id, product_id, region_code)
);
CREATE INDEX stock_level_product_idx ON quality.stock_level (product_id, region_code text_pattern_ops);
-- Q-06 data: production stops (distribution.ProductionStopReported.v1).
CREATE TABLE quality.production_stop (
  report_id uuid PRIMARY KEY,
  enterprise_id uuid NOT NULL,
  product_id uuid NOT NULL,
  region_codes text[] NOT NULL,
  reason text NOT NULL,
  stopped_from date NOT NULL,
  expected_resume_on date,
  reported_at timestamptz NOT NULL
);
CREATE INDEX production_stop_product_idx ON quality.production_stop (product_id);
-- Q-06 data: agreed volumes (procurement.AgreedVolumeSet.v1), the basis of monthly need.
CREATE TABLE quality.agreed_volume (
  institution_id uuid NOT NULL,
  winning_product_id uuid NOT NULL,
  contract_year_start date NOT NULL,
  contract_year_end date NOT NULL,
  product_id uuid NOT NULL,
  institution_region_code text NOT NULL CHECK (institution_region_code ~ '^[0-9]{6}$'),
  quantity bigint NOT NULL CHECK (quantity >= 0),
  PRIMARY KEY (institution_id, winning_product_id, contract_year_start)
);
CREATE INDEX agreed_volume_product_idx ON quality.agreed_volume (product_id, institution_region_code text_pattern_ops);

-- Q-07: the lowest price a product is listed at in another province (省外已挂网低价), by date.
CREATE TABLE quality.external_lowest_price (
  id uuid PRIMARY KEY,
  product_id uuid NOT NULL,
  province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}0000$'),
  price numeric(18, 4) NOT NULL CHECK (price > 0),
  observed_on date NOT NULL,
  source text NOT NULL CHECK (length(btrim(source)) BETWEEN 1 AND 300),
  recorded_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (product_id, province_code, observed_on)
);

-- Q-05 thresholds as jurisdiction policy (null = inherit).
ALTER TABLE quality.jurisdiction_policy
  ADD COLUMN price_risk_sales_growth numeric(10, 4) CHECK (price_risk_sales_growth > 0),
  ADD COLUMN price_risk_rises integer CHECK (price_risk_rises > 1),
  ADD COLUMN price_risk_window_months integer CHECK (price_risk_window_months > 0),
  ADD COLUMN price_risk_note text;
