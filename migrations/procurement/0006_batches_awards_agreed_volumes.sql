-- County medical communities (医共体, P-06): a lead unit and its member institutions.
CREATE TABLE procurement.medical_community (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  lead_institution_id uuid NOT NULL UNIQUE REFERENCES procurement.institution (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX medical_community_region_idx ON procurement.medical_community (region_code text_pattern_ops, id);

-- An institution belongs to at most one community; the lead unit is a member of the one it leads.
ALTER TABLE procurement.institution ADD COLUMN medical_community_id uuid REFERENCES procurement.medical_community (id);
CREATE INDEX institution_medical_community_idx ON procurement.institution (medical_community_id, id);

-- P-02 procurement batches (批次): national, alliance or provincial, over pooling regions, for one cycle.
CREATE TABLE procurement.batch (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  level text NOT NULL CHECK (level IN ('NATIONAL', 'ALLIANCE', 'PROVINCIAL')),
  kind text NOT NULL CHECK (kind IN ('DRUG', 'CONSUMABLE')),
  region_codes text[] NOT NULL CHECK (cardinality(region_codes) >= 1),
  generic_names text[] NOT NULL CHECK (cardinality(generic_names) >= 1),
  cycle_start date NOT NULL,
  cycle_end date NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (cycle_end > cycle_start),
  CHECK ((level = 'NATIONAL') = (region_codes = ARRAY['000000']::text[]))
);
CREATE INDEX batch_region_codes_idx ON procurement.batch USING gin (region_codes);

-- P-03 winning products (中选产品): one award per batch and product, its price fixed for good.
CREATE TABLE procurement.winning_product (
  id uuid PRIMARY KEY,
  batch_id uuid NOT NULL REFERENCES procurement.batch (id),
  product_id uuid NOT NULL REFERENCES procurement.product (id),
  manufacturer_id uuid NOT NULL,
  winning_price numeric(18, 6) NOT NULL CHECK (winning_price > 0),
  unit text NOT NULL CHECK (length(unit) BETWEEN 1 AND 20),
  awarded_on date NOT NULL,
  awarded_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (batch_id, product_id)
);
CREATE INDEX winning_product_product_idx ON procurement.winning_product (product_id);
CREATE INDEX winning_product_manufacturer_idx ON procurement.winning_product (manufacturer_id);

-- P-03: institutions may not renegotiate the winning price, and neither may anyone else; the database refuses.
CREATE FUNCTION procurement.winning_price_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.winning_price IS DISTINCT FROM OLD.winning_price OR NEW.product_id IS DISTINCT FROM OLD.product_id
     OR NEW.batch_id IS DISTINCT FROM OLD.batch_id THEN
    RAISE EXCEPTION 'P-03: a winning price is final' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER winning_price_is_final BEFORE UPDATE ON procurement.winning_product
  FOR EACH ROW EXECUTE FUNCTION procurement.winning_price_is_final();

-- P-04 agreed volumes (约定采购量) per institution × winning product × contract year. Zero is possible only
-- after a reallocation (P-06) moved all of it to another member.
CREATE TABLE procurement.agreed_volume (
  id uuid PRIMARY KEY,
  institution_id uuid NOT NULL REFERENCES procurement.institution (id),
  winning_product_id uuid NOT NULL REFERENCES procurement.winning_product (id),
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  pooling_region_code text NOT NULL CHECK (pooling_region_code ~ '^[0-9]{6}$'),
  contract_year_start date NOT NULL,
  contract_year_end date NOT NULL,
  quantity bigint NOT NULL CHECK (quantity >= 0),
  agreed_on date NOT NULL,
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (contract_year_end >= contract_year_start),
  UNIQUE (institution_id, winning_product_id, contract_year_start)
);
CREATE INDEX agreed_volume_region_idx ON procurement.agreed_volume (region_code text_pattern_ops, id);
CREATE INDEX agreed_volume_winning_product_idx ON procurement.agreed_volume (winning_product_id, contract_year_start);

-- P-06 history: who moved how much agreed volume from which member to which, and when.
CREATE TABLE procurement.agreed_volume_reallocation (
  id uuid PRIMARY KEY,
  medical_community_id uuid NOT NULL REFERENCES procurement.medical_community (id),
  winning_product_id uuid NOT NULL REFERENCES procurement.winning_product (id),
  contract_year_start date NOT NULL,
  from_institution_id uuid NOT NULL REFERENCES procurement.institution (id),
  to_institution_id uuid NOT NULL REFERENCES procurement.institution (id),
  quantity bigint NOT NULL CHECK (quantity > 0),
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  reallocated_by text NOT NULL,
  reallocated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (from_institution_id <> to_institution_id)
);
CREATE INDEX agreed_volume_reallocation_community_idx ON procurement.agreed_volume_reallocation (medical_community_id, id);
CREATE INDEX agreed_volume_reallocation_region_idx ON procurement.agreed_volume_reallocation (region_code text_pattern_ops, id);

-- P-05 purchased-quantity rollups, so completion never scans order lines: per institution × product, by
-- China calendar month and by day (the day table answers the partial months at a contract year's edges).
CREATE TABLE procurement.purchased_volume (
  institution_id uuid NOT NULL,
  product_id uuid NOT NULL,
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  quantity bigint NOT NULL,
  amount numeric(24, 6) NOT NULL,
  PRIMARY KEY (institution_id, product_id, month)
);
CREATE TABLE procurement.purchased_volume_day (
  institution_id uuid NOT NULL,
  product_id uuid NOT NULL,
  day date NOT NULL,
  quantity bigint NOT NULL,
  amount numeric(24, 6) NOT NULL,
  PRIMARY KEY (institution_id, product_id, day)
);

-- Province-wide completion reads the months in question by range (covering, so index-only), not per item.
CREATE INDEX purchased_volume_month_idx ON procurement.purchased_volume (month, product_id) INCLUDE (institution_id, quantity, amount);
CREATE INDEX purchased_volume_day_day_idx ON procurement.purchased_volume_day (day, product_id) INCLUDE (institution_id, quantity, amount);

-- Adds (sign 1) or removes (sign -1) one line's quantities to both rollups (the rare per-row paths).
CREATE FUNCTION procurement.roll_purchase(p_institution uuid, p_product uuid, p_placed_at timestamptz, p_quantity bigint, p_amount numeric, p_sign integer)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO procurement.purchased_volume AS v (institution_id, product_id, month, quantity, amount)
  VALUES (p_institution, p_product, date_trunc('month', p_placed_at AT TIME ZONE 'Asia/Shanghai')::date, p_sign * p_quantity, p_sign * p_amount)
  ON CONFLICT (institution_id, product_id, month) DO UPDATE SET quantity = v.quantity + excluded.quantity, amount = v.amount + excluded.amount;
  INSERT INTO procurement.purchased_volume_day AS v (institution_id, product_id, day, quantity, amount)
  VALUES (p_institution, p_product, (p_placed_at AT TIME ZONE 'Asia/Shanghai')::date, p_sign * p_quantity, p_sign * p_amount)
  ON CONFLICT (institution_id, product_id, day) DO UPDATE SET quantity = v.quantity + excluded.quantity, amount = v.amount + excluded.amount;
$$;

-- New lines, once per statement: all month rows, then all day rows, each in key order, so concurrent
-- orders of the same products lock rollup rows in one order and cannot deadlock. A line counts while
-- its order is not cancelled.
CREATE FUNCTION procurement.order_lines_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO procurement.purchased_volume AS v (institution_id, product_id, month, quantity, amount)
  SELECT o.institution_id, n.product_id, date_trunc('month', o.placed_at AT TIME ZONE 'Asia/Shanghai')::date, sum(n.quantity), sum(n.amount)
    FROM new_lines n JOIN procurement.purchase_order o ON o.id = n.order_id
   WHERE o.state <> 'CANCELLED' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (institution_id, product_id, month) DO UPDATE SET quantity = v.quantity + excluded.quantity, amount = v.amount + excluded.amount;
  INSERT INTO procurement.purchased_volume_day AS v (institution_id, product_id, day, quantity, amount)
  SELECT o.institution_id, n.product_id, (o.placed_at AT TIME ZONE 'Asia/Shanghai')::date, sum(n.quantity), sum(n.amount)
    FROM new_lines n JOIN procurement.purchase_order o ON o.id = n.order_id
   WHERE o.state <> 'CANCELLED' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (institution_id, product_id, day) DO UPDATE SET quantity = v.quantity + excluded.quantity, amount = v.amount + excluded.amount;
  RETURN NULL;
END
$$;
CREATE TRIGGER order_lines_added AFTER INSERT ON procurement.order_line
  REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION procurement.order_lines_added();

-- Lines are not changed or removed by the application; if an operator does, the rollups follow.
CREATE FUNCTION procurement.order_line_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE o record;
BEGIN
  SELECT institution_id, placed_at, state INTO o FROM procurement.purchase_order WHERE id = OLD.order_id;
  IF FOUND AND o.state <> 'CANCELLED' THEN
    PERFORM procurement.roll_purchase(o.institution_id, OLD.product_id, o.placed_at, OLD.quantity, OLD.amount, -1);
  END IF;
  IF TG_OP = 'UPDATE' THEN
    SELECT institution_id, placed_at, state INTO o FROM procurement.purchase_order WHERE id = NEW.order_id;
    IF o.state <> 'CANCELLED' THEN
      PERFORM procurement.roll_purchase(o.institution_id, NEW.product_id, o.placed_at, NEW.quantity, NEW.amount, 1);
    END IF;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER order_line_changed AFTER UPDATE OR DELETE ON procurement.order_line
  FOR EACH ROW EXECUTE FUNCTION procurement.order_line_changed();

-- Adds (sign 1) or removes (sign -1) all lines of one order, months then days, in key order.
CREATE FUNCTION procurement.roll_order(p_order uuid, p_institution uuid, p_placed_at timestamptz, p_sign integer)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO procurement.purchased_volume AS v (institution_id, product_id, month, quantity, amount)
  SELECT p_institution, l.product_id, date_trunc('month', p_placed_at AT TIME ZONE 'Asia/Shanghai')::date, p_sign * sum(l.quantity), p_sign * sum(l.amount)
    FROM procurement.order_line l WHERE l.order_id = p_order GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (institution_id, product_id, month) DO UPDATE SET quantity = v.quantity + excluded.quantity, amount = v.amount + excluded.amount;
  INSERT INTO procurement.purchased_volume_day AS v (institution_id, product_id, day, quantity, amount)
  SELECT p_institution, l.product_id, (p_placed_at AT TIME ZONE 'Asia/Shanghai')::date, p_sign * sum(l.quantity), p_sign * sum(l.amount)
    FROM procurement.order_line l WHERE l.order_id = p_order GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (institution_id, product_id, day) DO UPDATE SET quantity = v.quantity + excluded.quantity, amount = v.amount + excluded.amount;
$$;

-- Cancelling an order takes its lines out; un-cancelling (or moving its date or institution) puts them back.
CREATE FUNCTION procurement.purchase_order_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.state <> 'CANCELLED' THEN
    PERFORM procurement.roll_order(OLD.id, OLD.institution_id, OLD.placed_at, -1);
  END IF;
  IF NEW.state <> 'CANCELLED' THEN
    PERFORM procurement.roll_order(NEW.id, NEW.institution_id, NEW.placed_at, 1);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER purchase_order_rollup AFTER UPDATE OF state, placed_at, institution_id ON procurement.purchase_order
  FOR EACH ROW
  WHEN ((OLD.state = 'CANCELLED') IS DISTINCT FROM (NEW.state = 'CANCELLED')
        OR OLD.placed_at IS DISTINCT FROM NEW.placed_at OR OLD.institution_id IS DISTINCT FROM NEW.institution_id)
  EXECUTE FUNCTION procurement.purchase_order_rollup();

-- Orders placed before this migration.
INSERT INTO procurement.purchased_volume (institution_id, product_id, month, quantity, amount)
SELECT o.institution_id, l.product_id, date_trunc('month', o.placed_at AT TIME ZONE 'Asia/Shanghai')::date, sum(l.quantity), sum(l.amount)
  FROM procurement.order_line l JOIN procurement.purchase_order o ON o.id = l.order_id
 WHERE o.state <> 'CANCELLED' GROUP BY 1, 2, 3;
INSERT INTO procurement.purchased_volume_day (institution_id, product_id, day, quantity, amount)
SELECT o.institution_id, l.product_id, (o.placed_at AT TIME ZONE 'Asia/Shanghai')::date, sum(l.quantity), sum(l.amount)
  FROM procurement.order_line l JOIN procurement.purchase_order o ON o.id = l.order_id
 WHERE o.state <> 'CANCELLED' GROUP BY 1, 2, 3;
