-- P-08 listing management (Guangdong 2025 二(二)): zone, optimistic version, and the history of every change.
ALTER TABLE procurement.listing
  ADD COLUMN zone text NOT NULL DEFAULT 'ACTIVE' CHECK (zone IN ('ACTIVE', 'INACTIVE')),
  ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version > 0);
CREATE INDEX listing_region_idx ON procurement.listing (region_code text_pattern_ops, id);
CREATE INDEX listing_status_idx ON procurement.listing (status, zone);

-- Append-only: each row is the listing as one change left it, written in the change's transaction.
CREATE TABLE procurement.listing_history (
  id bigserial PRIMARY KEY,
  listing_id uuid NOT NULL REFERENCES procurement.listing (id),
  version integer NOT NULL CHECK (version > 0),
  action text NOT NULL CHECK (action IN ('LIST', 'SUSPEND', 'DELIST', 'RESTORE', 'RELIST')),
  status text NOT NULL CHECK (status IN ('LISTED', 'SUSPENDED', 'DELISTED', 'RESTORED')),
  zone text NOT NULL CHECK (zone IN ('ACTIVE', 'INACTIVE')),
  listed_price numeric(18, 6) NOT NULL CHECK (listed_price > 0),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  actor text NOT NULL CHECK (length(actor) BETWEEN 1 AND 200),
  request_id text,
  changed_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (listing_id, version)
);

-- P-12 cancellation by the ordering institution.
ALTER TABLE procurement.purchase_order
  ADD COLUMN cancelled_at timestamptz,
  ADD COLUMN cancel_reason text CHECK (cancel_reason IS NULL OR length(cancel_reason) BETWEEN 1 AND 500),
  ADD CONSTRAINT purchase_order_cancel_consistent CHECK ((state = 'CANCELLED') = (cancelled_at IS NOT NULL));
CREATE INDEX purchase_order_placed_idx ON procurement.purchase_order (institution_id, placed_at);

-- The State Council's holiday arrangement (国务院办公厅关于部分节假日安排的通知) as data the operator keeps:
-- public holidays, and weekend days that are working days (调休上班). Any other day is a working day
-- Monday to Friday. G-06 counts working days on this calendar.
CREATE TABLE procurement.official_calendar_day (
  day date PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('PUBLIC_HOLIDAY', 'MAKEUP_WORKING_DAY')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- A make-up working day is by definition a Saturday or Sunday.
  CHECK (kind <> 'MAKEUP_WORKING_DAY' OR extract(isodow FROM day) IN (6, 7))
);

-- P-07 caps are Guangdong 2025's numbers: data per region and version like the G parameters.
ALTER TABLE procurement.jurisdiction_policy
  ADD COLUMN filed_drug_amount_share numeric(5, 4) CHECK (filed_drug_amount_share BETWEEN 0 AND 1),
  ADD COLUMN filed_drug_variety_share numeric(5, 4) CHECK (filed_drug_variety_share BETWEEN 0 AND 1),
  ADD COLUMN filed_consumable_amount_share numeric(5, 4) CHECK (filed_consumable_amount_share BETWEEN 0 AND 1);

-- P-07 filed (off-list) purchases (备案采购): bought first, registered within G-06 with a stamped statement.
CREATE TABLE procurement.filed_purchase (
  id uuid PRIMARY KEY,
  institution_id uuid NOT NULL REFERENCES procurement.institution (id),
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  product_id uuid REFERENCES procurement.product (id),
  product_description text CHECK (product_description IS NULL OR length(product_description) BETWEEN 1 AND 300),
  kind text NOT NULL CHECK (kind IN ('DRUG', 'CONSUMABLE')),
  exemption text NOT NULL CHECK (exemption IN ('NONE', 'NEGOTIATED_CATALOGUE_DRUG', 'HK_MACAO_PRODUCT')),
  quantity bigint NOT NULL CHECK (quantity > 0),
  unit_price numeric(18, 6) NOT NULL CHECK (unit_price > 0),
  amount numeric(20, 6) NOT NULL CHECK (amount > 0),
  purchased_on date NOT NULL,
  registered_on date NOT NULL,
  registration_deadline date,
  registered_late boolean NOT NULL,
  statement_document_number text NOT NULL CHECK (length(statement_document_number) BETWEEN 1 AND 100),
  statement_sha256 text NOT NULL CHECK (statement_sha256 ~ '^[0-9a-f]{64}$'),
  registered_by text NOT NULL,
  request_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((product_id IS NULL) <> (product_description IS NULL)),
  CHECK (registered_on >= purchased_on),
  CHECK (exemption <> 'NEGOTIATED_CATALOGUE_DRUG' OR kind = 'DRUG'),
  CHECK (registered_late = (registration_deadline IS NOT NULL AND registered_on > registration_deadline))
);
CREATE INDEX filed_purchase_institution_idx ON procurement.filed_purchase (institution_id, purchased_on);
CREATE INDEX filed_purchase_region_idx ON procurement.filed_purchase (region_code text_pattern_ops, id);

-- Q-03 / G-08 bans as quality announced them (quality.EnterpriseBanned events): orders of a banned
-- manufacturer's products are refused in the ban's region while it runs.
CREATE TABLE procurement.enterprise_ban (
  ban_id uuid PRIMARY KEY,
  enterprise_id uuid NOT NULL,
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  reason text NOT NULL,
  lifted_on date,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on >= starts_on)
);
CREATE INDEX enterprise_ban_enterprise_idx ON procurement.enterprise_ban (enterprise_id);
