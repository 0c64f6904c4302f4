-- I-06 settlement: each accepted delivery is a payable from the institution to the enterprise, due by G-04.
CREATE TABLE insurance.settlement (
  id uuid PRIMARY KEY,
  delivery_id uuid NOT NULL UNIQUE,
  order_id uuid NOT NULL,
  institution_id uuid NOT NULL,
  enterprise_id uuid NOT NULL,
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  amount numeric(20, 6) NOT NULL CHECK (amount > 0),
  accepted_on date NOT NULL,
  due_date date NOT NULL CHECK (due_date >= accepted_on),
  term_basis text NOT NULL,
  term_days integer,
  term_region_code text NOT NULL,
  term_document text NOT NULL,
  paid_amount numeric(20, 6) NOT NULL DEFAULT 0 CHECK (paid_amount >= 0 AND paid_amount <= amount),
  paid_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((paid_on IS NULL) = (paid_amount = 0))
);
CREATE INDEX settlement_institution_idx ON insurance.settlement (institution_id, id);
CREATE INDEX settlement_enterprise_idx ON insurance.settlement (enterprise_id, id);
CREATE INDEX settlement_region_idx ON insurance.settlement (region_code text_pattern_ops, id);

CREATE TABLE insurance.settlement_line (
  settlement_id uuid NOT NULL REFERENCES insurance.settlement (id),
  line_no integer NOT NULL,
  product_id uuid NOT NULL,
  quantity bigint NOT NULL CHECK (quantity > 0),
  unit_price numeric(18, 6) NOT NULL,
  amount numeric(20, 6) NOT NULL,
  PRIMARY KEY (settlement_id, line_no)
);

-- Payments recorded by institutions, each under the client's idempotency key.
CREATE TABLE insurance.payment (
  id uuid PRIMARY KEY,
  settlement_id uuid NOT NULL REFERENCES insurance.settlement (id),
  institution_id uuid NOT NULL,
  amount numeric(20, 6) NOT NULL CHECK (amount > 0),
  paid_on date NOT NULL,
  idempotency_key text NOT NULL,
  request_hash text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (institution_id, idempotency_key)
);
