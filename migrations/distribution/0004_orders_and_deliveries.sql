-- Orders as procurement announced them (OrderPlaced events): what a distributor may ship.
CREATE TABLE distribution.order_copy (
  id uuid PRIMARY KEY,
  institution_id uuid NOT NULL,
  region_code text NOT NULL,
  distributor_id uuid NOT NULL,
  total_amount numeric(20, 6) NOT NULL,
  placed_at timestamptz NOT NULL
);
CREATE INDEX order_copy_distributor_idx ON distribution.order_copy (distributor_id);

CREATE TABLE distribution.order_line_copy (
  order_id uuid NOT NULL REFERENCES distribution.order_copy (id),
  line_no integer NOT NULL,
  product_id uuid NOT NULL,
  manufacturer_id uuid NOT NULL,
  product_name text NOT NULL,
  specification text NOT NULL,
  dosage_form text,
  pack text NOT NULL,
  quantity bigint NOT NULL CHECK (quantity > 0),
  unit_price numeric(18, 6) NOT NULL,
  amount numeric(20, 6) NOT NULL,
  PRIMARY KEY (order_id, line_no)
);

-- D-03 deliveries against orders, and the institution's confirmation of receipt (G-05).
CREATE TABLE distribution.delivery (
  id uuid PRIMARY KEY,
  order_id uuid NOT NULL UNIQUE REFERENCES distribution.order_copy (id),
  distributor_id uuid NOT NULL,
  institution_id uuid NOT NULL,
  region_code text NOT NULL,
  amount numeric(20, 6) NOT NULL,
  status text NOT NULL CHECK (status IN ('SHIPPED', 'RECEIPT_CONFIRMED')),
  shipped_at timestamptz NOT NULL,
  warehoused_at timestamptz,
  confirmed_at timestamptz,
  confirmation_deadline timestamptz,
  confirmed_late boolean,
  CHECK ((status = 'SHIPPED') = (confirmed_at IS NULL))
);
CREATE INDEX delivery_institution_idx ON distribution.delivery (institution_id, id);
CREATE INDEX delivery_distributor_idx ON distribution.delivery (distributor_id, id);
CREATE INDEX delivery_region_idx ON distribution.delivery (region_code text_pattern_ops, id);
