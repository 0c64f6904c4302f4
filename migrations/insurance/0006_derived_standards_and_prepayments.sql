-- Local copies of procurement facts, kept from procurement's events (insurance never reads procurement's schema).

-- P-01 catalogue entries with the I-02 flags: from procurement.ProductCatalogued.v1 and, for winners, from
-- procurement.WinningProductAwarded.v1.
CREATE TABLE insurance.catalogue_product (
  product_id uuid PRIMARY KEY,
  manufacturer_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('DRUG', 'CONSUMABLE')),
  product_name text NOT NULL,
  generic_name text NOT NULL,
  dosage_form text,
  specification text NOT NULL,
  consumable_category text,
  function_group text,
  is_originator boolean NOT NULL,
  is_reference_drug boolean NOT NULL,
  passed_consistency_evaluation boolean NOT NULL,
  unit text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX catalogue_product_drug_group_idx ON insurance.catalogue_product (generic_name, dosage_form, specification) WHERE kind = 'DRUG';
CREATE INDEX catalogue_product_consumable_group_idx ON insurance.catalogue_product (consumable_category, function_group) WHERE kind = 'CONSUMABLE';

-- P-03 winning products with their winning price, batch cycle and pooling regions.
CREATE TABLE insurance.winning_product (
  id uuid PRIMARY KEY,
  batch_id uuid NOT NULL,
  batch_name text NOT NULL,
  batch_level text NOT NULL CHECK (batch_level IN ('NATIONAL', 'ALLIANCE', 'PROVINCIAL')),
  region_codes text[] NOT NULL CHECK (cardinality(region_codes) > 0),
  cycle_start date NOT NULL,
  cycle_end date NOT NULL CHECK (cycle_end >= cycle_start),
  product_id uuid NOT NULL,
  manufacturer_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('DRUG', 'CONSUMABLE')),
  winning_price numeric(18, 6) NOT NULL CHECK (winning_price > 0),
  unit text NOT NULL,
  awarded_on date NOT NULL,
  UNIQUE (batch_id, product_id)
);
CREATE INDEX winning_product_product_idx ON insurance.winning_product (product_id);

-- P-04 agreed volumes (约定采购量) per institution × winning product × contract year, latest figure.
CREATE TABLE insurance.agreed_volume (
  id uuid PRIMARY KEY,
  batch_id uuid NOT NULL,
  winning_product_id uuid NOT NULL,
  product_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('DRUG', 'CONSUMABLE')),
  institution_id uuid NOT NULL,
  institution_name text NOT NULL,
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  pooling_region_code text NOT NULL CHECK (pooling_region_code ~ '^[0-9]{6}$'),
  contract_year_start date NOT NULL,
  contract_year_end date NOT NULL CHECK (contract_year_end >= contract_year_start),
  quantity bigint NOT NULL CHECK (quantity >= 0),
  winning_price numeric(18, 6) NOT NULL CHECK (winning_price > 0),
  amount numeric(20, 6) NOT NULL CHECK (amount >= 0),
  agreed_on date NOT NULL,
  UNIQUE (institution_id, winning_product_id, contract_year_start)
);
CREATE INDEX agreed_volume_institution_idx ON insurance.agreed_volume (institution_id, product_id, contract_year_start);

-- I-01..I-04 derived standards remember the batch they came from; published rows (before the derived
-- model) keep a null batch.
ALTER TABLE insurance.payment_standard ADD COLUMN batch_id uuid;
CREATE INDEX payment_standard_batch_idx ON insurance.payment_standard (batch_id) WHERE batch_id IS NOT NULL;

-- I-07 retained share of savings; I-08 direct-settlement pilot. Null means inherit, like every G column.
ALTER TABLE insurance.jurisdiction_policy
  ADD COLUMN surplus_retention_share numeric(5, 4) CHECK (surplus_retention_share BETWEEN 0 AND 1),
  ADD COLUMN direct_settlement_pilot boolean;

-- I-08: who pays a payable, by the policy version in force on the day of acceptance (kept on the row).
ALTER TABLE insurance.settlement
  ADD COLUMN payer text NOT NULL DEFAULT 'INSTITUTION' CHECK (payer IN ('INSTITUTION', 'FUND_DIRECT')),
  ADD COLUMN payer_policy_region_code text,
  ADD COLUMN payer_policy_effective_from date,
  ADD COLUMN payer_policy_document text;

-- I-05 prepayment (医保基金预付) of one agreed volume: the G-01/G-02/G-03 versions used are kept on the row,
-- so a later change of policy never rewrites it.
CREATE TABLE insurance.prepayment (
  id uuid PRIMARY KEY,
  agreed_volume_id uuid NOT NULL UNIQUE REFERENCES insurance.agreed_volume (id),
  institution_id uuid NOT NULL,
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  product_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('DRUG', 'CONSUMABLE')),
  contract_year_start date NOT NULL,
  contract_year_end date NOT NULL,
  agreed_on date NOT NULL,
  agreed_quantity bigint NOT NULL CHECK (agreed_quantity >= 0),
  agreed_amount numeric(20, 6) NOT NULL CHECK (agreed_amount >= 0),
  share numeric(5, 4) NOT NULL CHECK (share > 0 AND share <= 1),
  share_policy_region_code text NOT NULL,
  share_policy_effective_from date NOT NULL,
  share_policy_document text NOT NULL,
  target_amount numeric(20, 6) NOT NULL CHECK (target_amount >= 0),
  due_date date CHECK (due_date >= agreed_on),
  deadline_days integer,
  deadline_policy_document text,
  recovery_due_by date CHECK (recovery_due_by > contract_year_end),
  recovery_policy_document text,
  continues_after_completion boolean NOT NULL,
  disbursed_on date,
  balance numeric(20, 6) NOT NULL DEFAULT 0 CHECK (balance >= 0),
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((disbursed_on IS NULL) OR (disbursed_on >= agreed_on))
);
CREATE INDEX prepayment_institution_idx ON insurance.prepayment (institution_id, id);
CREATE INDEX prepayment_region_idx ON insurance.prepayment (region_code text_pattern_ops, id);

-- The prepayment ledger: append-only; each entry carries the balance after it, which the trigger below
-- computes from the previous one, so the balance always adds up and can never go below zero.
CREATE TABLE insurance.prepayment_entry (
  prepayment_id uuid NOT NULL REFERENCES insurance.prepayment (id),
  entry_no integer NOT NULL CHECK (entry_no > 0),
  kind text NOT NULL CHECK (kind IN ('PREPAYMENT', 'TOP_UP', 'CONTINUATION', 'OFFSET', 'RECOVERY')),
  amount numeric(20, 6) NOT NULL CHECK (amount > 0),
  balance_after numeric(20, 6) NOT NULL CHECK (balance_after >= 0),
  entry_on date NOT NULL,
  reason text NOT NULL,
  reference text,
  policy_region_code text,
  policy_effective_from date,
  actor text,
  idempotency_key text,
  request_hash text,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (prepayment_id, entry_no),
  UNIQUE (actor, idempotency_key),
  CHECK ((idempotency_key IS NULL) = (request_hash IS NULL))
);
-- A continuation entry per delivery line at most (I-05), whatever the redeliveries of the event.
CREATE UNIQUE INDEX prepayment_entry_continuation_idx ON insurance.prepayment_entry (prepayment_id, reference) WHERE kind = 'CONTINUATION';

CREATE FUNCTION insurance.prepayment_entry_post() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  previous numeric;
  next_no integer;
BEGIN
  SELECT balance INTO previous FROM insurance.prepayment WHERE id = NEW.prepayment_id FOR UPDATE;
  SELECT coalesce(max(entry_no), 0) + 1 INTO next_no FROM insurance.prepayment_entry WHERE prepayment_id = NEW.prepayment_id;
  NEW.entry_no := next_no;
  NEW.balance_after := previous + CASE WHEN NEW.kind IN ('OFFSET', 'RECOVERY') THEN -NEW.amount ELSE NEW.amount END;
  IF NEW.balance_after < 0 THEN
    RAISE EXCEPTION 'I-05: prepayment % would go below zero', NEW.prepayment_id USING ERRCODE = 'check_violation';
  END IF;
  UPDATE insurance.prepayment SET balance = NEW.balance_after, version = version + 1 WHERE id = NEW.prepayment_id;
  RETURN NEW;
END
$$;
CREATE TRIGGER prepayment_entry_post BEFORE INSERT ON insurance.prepayment_entry FOR EACH ROW EXECUTE FUNCTION insurance.prepayment_entry_post();

-- History is never rewritten: the application may add ledger entries, not change or remove them.
REVOKE UPDATE, DELETE, TRUNCATE ON insurance.prepayment_entry FROM insurance_app;
