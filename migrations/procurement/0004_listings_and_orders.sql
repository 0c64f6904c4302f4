-- P-08 listing (挂网): a product offered to the public institutions of a region at a ceiling price.
CREATE TABLE procurement.listing (
  id uuid PRIMARY KEY,
  product_id uuid NOT NULL REFERENCES procurement.product (id),
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  listed_price numeric(18, 6) NOT NULL CHECK (listed_price > 0),
  unit text NOT NULL,
  status text NOT NULL CHECK (status IN ('LISTED', 'SUSPENDED', 'DELISTED', 'RESTORED')),
  listed_on date NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (product_id, region_code)
);

-- P-12 orders: an institution buys listed products through one distributor.
CREATE TABLE procurement.purchase_order (
  id uuid PRIMARY KEY,
  institution_id uuid NOT NULL REFERENCES procurement.institution (id),
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  distributor_id uuid NOT NULL,
  state text NOT NULL CHECK (state IN ('PLACED', 'ACCEPTED', 'SHIPPED', 'DELIVERED', 'RECEIPT_CONFIRMED', 'CANCELLED', 'OVERDUE')),
  total_amount numeric(20, 6) NOT NULL CHECK (total_amount > 0),
  placed_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  idempotency_key text,
  request_hash text,
  UNIQUE (institution_id, idempotency_key)
);
CREATE INDEX purchase_order_institution_idx ON procurement.purchase_order (institution_id, id);
CREATE INDEX purchase_order_region_idx ON procurement.purchase_order (region_code text_pattern_ops, id);
CREATE INDEX purchase_order_distributor_idx ON procurement.purchase_order (distributor_id, id);

CREATE TABLE procurement.order_line (
  order_id uuid NOT NULL REFERENCES procurement.purchase_order (id),
  line_no integer NOT NULL CHECK (line_no > 0),
  product_id uuid NOT NULL REFERENCES procurement.product (id),
  quantity bigint NOT NULL CHECK (quantity > 0),
  unit_price numeric(18, 6) NOT NULL CHECK (unit_price > 0),
  amount numeric(20, 6) NOT NULL CHECK (amount > 0),
  PRIMARY KEY (order_id, line_no)
);
CREATE INDEX order_line_product_idx ON procurement.order_line (product_id);
