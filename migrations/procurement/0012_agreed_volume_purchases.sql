-- P-05 at province scale: every agreed volume with its purchases over its whole contract year, kept by
-- triggers as orders come, so a province-wide completion reads one row per agreed volume (80,000 per batch
-- in a province) from one table, instead of probing the monthly and daily rollups per agreed volume
-- (about a million index lookups). Completion on a day `asOf` takes back out what was bought after it;
-- `last_purchased_on` (the last day a purchase was counted, never earlier) says which agreed volumes need
-- that: none when asOf is today.
CREATE TABLE procurement.agreed_volume_purchase (
  agreed_volume_id uuid PRIMARY KEY REFERENCES procurement.agreed_volume (id) ON DELETE CASCADE,
  -- The agreed volume as completion reads it, copied so that no join is needed and an order line finds
  -- its agreed volumes by index; the triggers below keep the copy equal to the agreed volume.
  batch_id uuid NOT NULL,
  winning_product_id uuid NOT NULL,
  product_id uuid NOT NULL,
  institution_id uuid NOT NULL,
  region_code text NOT NULL,
  contract_year_start date NOT NULL,
  contract_year_end date NOT NULL,
  agreed_quantity bigint NOT NULL,
  purchased_quantity bigint NOT NULL,
  last_purchased_on date
);
-- A batch in a region, read from the index alone (row security included: region and id are in it).
CREATE INDEX agreed_volume_purchase_batch_region_idx ON procurement.agreed_volume_purchase (batch_id, region_code text_pattern_ops)
  INCLUDE (agreed_volume_id, winning_product_id, product_id, institution_id, contract_year_start, contract_year_end, agreed_quantity, purchased_quantity, last_purchased_on);
-- The few agreed volumes bought after a past day asked about (none after today).
CREATE INDEX agreed_volume_purchase_last_purchase_idx ON procurement.agreed_volume_purchase (batch_id, last_purchased_on);
CREATE INDEX agreed_volume_purchase_match_idx ON procurement.agreed_volume_purchase (institution_id, product_id, contract_year_start);

-- The rollups are now read only per institution and product (by primary key); the indexes by month and
-- by day, for the province-wide range reads completion no longer makes, only slowed every order down.
DROP INDEX procurement.purchased_volume_month_idx;
DROP INDEX procurement.purchased_volume_day_day_idx;

-- Only the triggers write it (as the tables' owner, whoever placed the order): a count the application
-- could change would no longer be the order book's.
REVOKE INSERT, UPDATE, DELETE ON procurement.agreed_volume_purchase FROM procurement_app;
ALTER TABLE procurement.agreed_volume_purchase ENABLE ROW LEVEL SECURITY;
-- The caller's settings are read once per statement (sub-selects become init plans), not once per row:
-- a province's completion reads 80,000 rows.
CREATE POLICY agreed_volume_purchase_scope ON procurement.agreed_volume_purchase FOR SELECT USING (
  (SELECT procurement.actor_role()) = 'SYSTEM'
  OR ((SELECT procurement.actor_role()) = 'REGULATOR' AND region_code LIKE (SELECT procurement.actor_region_like()))
  -- Everyone else sees the rows of the agreed volumes they see.
  OR ((SELECT procurement.actor_role()) NOT IN ('SYSTEM', 'REGULATOR') AND EXISTS (SELECT 1 FROM procurement.agreed_volume av WHERE av.id = agreed_volume_id))
);

-- What each agreed volume's contract year bought, recounted from the daily rollup (one index range per
-- agreed volume: its institution, product and year). Used when an agreed volume appears or moves.
CREATE VIEW procurement.agreed_volume_purchase_recount AS
SELECT av.id AS agreed_volume_id, w.batch_id, av.winning_product_id, w.product_id, av.institution_id, av.region_code,
       av.contract_year_start, av.contract_year_end, av.quantity AS agreed_quantity,
       coalesce(d.quantity, 0) AS purchased_quantity, d.last_day AS last_purchased_on
  FROM procurement.agreed_volume av
  JOIN procurement.winning_product w ON w.id = av.winning_product_id
 CROSS JOIN LATERAL (SELECT sum(pd.quantity) AS quantity, max(pd.day) AS last_day
                       FROM procurement.purchased_volume_day pd
                      WHERE pd.institution_id = av.institution_id AND pd.product_id = w.product_id
                        AND pd.day BETWEEN av.contract_year_start AND av.contract_year_end) d;
REVOKE ALL ON procurement.agreed_volume_purchase_recount FROM procurement_app;

-- New agreed volumes start from what their institution already bought in their contract year.
CREATE FUNCTION procurement.agreed_volumes_added() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  INSERT INTO procurement.agreed_volume_purchase (agreed_volume_id, batch_id, winning_product_id, product_id, institution_id, region_code, contract_year_start, contract_year_end, agreed_quantity, purchased_quantity, last_purchased_on)
  SELECT agreed_volume_id, batch_id, winning_product_id, product_id, institution_id, region_code, contract_year_start, contract_year_end, agreed_quantity, purchased_quantity, last_purchased_on
    FROM procurement.agreed_volume_purchase_recount WHERE agreed_volume_id IN (SELECT id FROM new_agreed_volumes);
  RETURN NULL;
END
$$;
CREATE TRIGGER agreed_volumes_added AFTER INSERT ON procurement.agreed_volume
  REFERENCING NEW TABLE AS new_agreed_volumes FOR EACH STATEMENT EXECUTE FUNCTION procurement.agreed_volumes_added();

-- A changed agreed volume is copied again: a new quantity (P-06 reallocations) as it is; one moved to
-- another institution, product, region or year is recounted from the rollups over its new year.
CREATE FUNCTION procurement.agreed_volume_changed() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF (OLD.institution_id, OLD.winning_product_id, OLD.region_code, OLD.contract_year_start, OLD.contract_year_end)
     IS NOT DISTINCT FROM (NEW.institution_id, NEW.winning_product_id, NEW.region_code, NEW.contract_year_start, NEW.contract_year_end) THEN
    UPDATE procurement.agreed_volume_purchase SET agreed_quantity = NEW.quantity WHERE agreed_volume_id = NEW.id;
  ELSE
    UPDATE procurement.agreed_volume_purchase t
       SET batch_id = r.batch_id, winning_product_id = r.winning_product_id, product_id = r.product_id, institution_id = r.institution_id,
           region_code = r.region_code, contract_year_start = r.contract_year_start, contract_year_end = r.contract_year_end,
           agreed_quantity = r.agreed_quantity, purchased_quantity = r.purchased_quantity, last_purchased_on = r.last_purchased_on
      FROM procurement.agreed_volume_purchase_recount r
     WHERE r.agreed_volume_id = NEW.id AND t.agreed_volume_id = NEW.id;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER agreed_volume_changed AFTER UPDATE OF institution_id, winning_product_id, region_code, contract_year_start, contract_year_end, quantity ON procurement.agreed_volume
  FOR EACH ROW EXECUTE FUNCTION procurement.agreed_volume_changed();

-- Adds (sign 1) or takes out (sign -1) purchases, given per institution × product × day, to every agreed
-- volume whose contract year holds the day. Rows are written in key order (as the rollups are), so
-- concurrent orders of the same products cannot deadlock.
CREATE FUNCTION procurement.count_agreed_volume_purchases(p_institutions uuid[], p_products uuid[], p_days date[], p_quantities bigint[], p_sign integer)
  RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  INSERT INTO procurement.agreed_volume_purchase AS t (agreed_volume_id, batch_id, winning_product_id, product_id, institution_id, region_code, contract_year_start, contract_year_end, agreed_quantity, purchased_quantity, last_purchased_on)
  SELECT a.agreed_volume_id, a.batch_id, a.winning_product_id, a.product_id, a.institution_id, a.region_code, a.contract_year_start, a.contract_year_end,
         a.agreed_quantity, p_sign * sum(p.quantity), max(p.day)
    FROM unnest(p_institutions, p_products, p_days, p_quantities) AS p(institution_id, product_id, day, quantity)
    JOIN procurement.agreed_volume_purchase a
      ON a.institution_id = p.institution_id AND a.product_id = p.product_id AND p.day BETWEEN a.contract_year_start AND a.contract_year_end
   GROUP BY a.agreed_volume_id ORDER BY a.agreed_volume_id
  ON CONFLICT (agreed_volume_id) DO UPDATE
     SET purchased_quantity = t.purchased_quantity + excluded.purchased_quantity,
         -- Taking a purchase out keeps the day: it stays on or after the last purchase, which is all it promises.
         last_purchased_on = CASE WHEN p_sign > 0 THEN greatest(t.last_purchased_on, excluded.last_purchased_on) ELSE t.last_purchased_on END;
$$;

-- New order lines, once per statement (a line counts while its order is not cancelled).
CREATE FUNCTION procurement.order_lines_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM procurement.count_agreed_volume_purchases(array_agg(institution_id), array_agg(product_id), array_agg(day), array_agg(quantity), 1)
     FROM (SELECT o.institution_id, n.product_id, (o.placed_at AT TIME ZONE 'Asia/Shanghai')::date AS day, sum(n.quantity)::bigint AS quantity
             FROM new_lines n JOIN procurement.purchase_order o ON o.id = n.order_id
            WHERE o.state <> 'CANCELLED' GROUP BY 1, 2, 3) x;
  RETURN NULL;
END
$$;
CREATE TRIGGER order_lines_counted AFTER INSERT ON procurement.order_line
  REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION procurement.order_lines_counted();

-- Lines are not changed or removed by the application; if an operator does, the counts follow.
CREATE FUNCTION procurement.order_line_recounted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE o record;
BEGIN
  SELECT institution_id, placed_at, state INTO o FROM procurement.purchase_order WHERE id = OLD.order_id;
  IF FOUND AND o.state <> 'CANCELLED' THEN
    PERFORM procurement.count_agreed_volume_purchases(
      ARRAY[o.institution_id], ARRAY[OLD.product_id], ARRAY[(o.placed_at AT TIME ZONE 'Asia/Shanghai')::date], ARRAY[OLD.quantity], -1);
  END IF;
  IF TG_OP = 'UPDATE' THEN
    SELECT institution_id, placed_at, state INTO o FROM procurement.purchase_order WHERE id = NEW.order_id;
    IF o.state <> 'CANCELLED' THEN
      PERFORM procurement.count_agreed_volume_purchases(
        ARRAY[o.institution_id], ARRAY[NEW.product_id], ARRAY[(o.placed_at AT TIME ZONE 'Asia/Shanghai')::date], ARRAY[NEW.quantity], 1);
    END IF;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER order_line_recounted AFTER UPDATE OR DELETE ON procurement.order_line
  FOR EACH ROW EXECUTE FUNCTION procurement.order_line_recounted();

-- Cancelling an order takes its lines out; un-cancelling (or moving its date or institution) puts them back.
CREATE FUNCTION procurement.count_order(p_order uuid, p_institution uuid, p_placed_at timestamptz, p_sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM procurement.count_agreed_volume_purchases(
      array_agg(p_institution), array_agg(product_id), array_agg((p_placed_at AT TIME ZONE 'Asia/Shanghai')::date), array_agg(quantity), p_sign)
     FROM (SELECT product_id, sum(quantity)::bigint AS quantity FROM procurement.order_line WHERE order_id = p_order GROUP BY product_id) l;
END
$$;
CREATE FUNCTION procurement.purchase_order_recounted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.state <> 'CANCELLED' THEN
    PERFORM procurement.count_order(OLD.id, OLD.institution_id, OLD.placed_at, -1);
  END IF;
  IF NEW.state <> 'CANCELLED' THEN
    PERFORM procurement.count_order(NEW.id, NEW.institution_id, NEW.placed_at, 1);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER purchase_order_recounted AFTER UPDATE OF state, placed_at, institution_id ON procurement.purchase_order
  FOR EACH ROW
  WHEN ((OLD.state = 'CANCELLED') IS DISTINCT FROM (NEW.state = 'CANCELLED')
        OR OLD.placed_at IS DISTINCT FROM NEW.placed_at OR OLD.institution_id IS DISTINCT FROM NEW.institution_id)
  EXECUTE FUNCTION procurement.purchase_order_recounted();

-- Agreed volumes made before this migration.
INSERT INTO procurement.agreed_volume_purchase (agreed_volume_id, batch_id, winning_product_id, product_id, institution_id, region_code, contract_year_start, contract_year_end, agreed_quantity, purchased_quantity, last_purchased_on)
SELECT agreed_volume_id, batch_id, winning_product_id, product_id, institution_id, region_code, contract_year_start, contract_year_end, agreed_quantity, purchased_quantity, last_purchased_on FROM procurement.agreed_volume_purchase_recount;
ANALYZE procurement.agreed_volume_purchase;
