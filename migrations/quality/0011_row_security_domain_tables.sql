-- Issue 8 for the tables of issue 7 (Q-02..Q-07): the policies repeat incident.scope.ts, ban.scope.ts, the credit
-- and flag scopes of credit.service.ts and price-risk.service.ts, and the shortage scope. Public facts and the
-- copies read only in region-level aggregates (enterprise register, listings, shortage watch lists, agreed
-- volumes, sale lines) stay readable by everyone and are listed in tests/e2e/row-security.test.ts.
--
-- "The caller's region lies within `code`" is written "actor_region_like() LIKE region_prefix(code) || '%'":
-- the request carries the region only as its LIKE pattern (prefix || '%'), whose own '%' the wildcard matches.

-- The part of a GB/T 2260 code shared by the region and everything below it (the SQL twin of region.ts regionPrefix).
CREATE FUNCTION quality.region_prefix(code text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT CASE WHEN code = '000000' THEN '' WHEN code LIKE '__0000' THEN left(code, 2) WHEN code LIKE '____00' THEN left(code, 4) ELSE code END $$;
GRANT EXECUTE ON FUNCTION quality.region_prefix(text) TO quality_app;

-- The caller's region is `code` or lies below it (false without a region).
CREATE FUNCTION quality.actor_region_within(code text) RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT quality.actor_region_like() <> '-' AND quality.actor_region_like() LIKE quality.region_prefix(code) || '%' $$;
GRANT EXECUTE ON FUNCTION quality.actor_region_within(text) TO quality_app;

-- Q-02 incidents: regulators their region subtree; an enterprise those where it is the failing winner or the
-- substitute supplier. Supervisors open and resolve incidents of their own region only (requireJurisdiction).
ALTER TABLE quality.incident ENABLE ROW LEVEL SECURITY;
CREATE POLICY incident_scope ON quality.incident USING (
  quality.actor_role() = 'SYSTEM'
  OR (quality.actor_role() = 'REGULATOR' AND region_code LIKE quality.actor_region_like())
  OR (quality.actor_role() IN ('MANUFACTURER', 'DISTRIBUTOR') AND (enterprise_id = quality.actor_org() OR substitute_supplier_id = quality.actor_org()))
);

-- Q-03 bans: regulators those of their region subtree and of the regions above it (they bind it too); an
-- institution those of its region and above; an enterprise its own.
ALTER TABLE quality.enterprise_ban ENABLE ROW LEVEL SECURITY;
CREATE POLICY enterprise_ban_scope ON quality.enterprise_ban USING (
  quality.actor_role() = 'SYSTEM'
  OR (quality.actor_role() = 'REGULATOR' AND (region_code LIKE quality.actor_region_like() OR quality.actor_region_within(region_code)))
  OR (quality.actor_role() = 'INSTITUTION' AND quality.actor_region_within(region_code))
  OR (quality.actor_role() IN ('MANUFACTURER', 'DISTRIBUTOR') AND enterprise_id = quality.actor_org())
);

-- Q-04 credit records: every regulator (a rating reads the same everywhere); an enterprise its own.
ALTER TABLE quality.credit_record ENABLE ROW LEVEL SECURITY;
CREATE POLICY credit_record_scope ON quality.credit_record USING (
  quality.actor_role() IN ('SYSTEM', 'REGULATOR')
  OR (quality.actor_role() IN ('MANUFACTURER', 'DISTRIBUTOR') AND enterprise_id = quality.actor_org())
);

-- Q-05 price-risk flags: regulators their region subtree; a manufacturer the flags on its products.
ALTER TABLE quality.price_risk_flag ENABLE ROW LEVEL SECURITY;
CREATE POLICY price_risk_flag_scope ON quality.price_risk_flag USING (
  quality.actor_role() = 'SYSTEM'
  OR (quality.actor_role() = 'REGULATOR' AND region_code LIKE quality.actor_region_like())
  OR (quality.actor_role() = 'MANUFACTURER' AND enterprise_id = quality.actor_org())
);

-- Q-06 stock copies: the enterprise its own, regulators their region subtree. Shortage warnings need the
-- region's total, including for institutions, which never see a stock row: quality.regional_stock_on_hand.
ALTER TABLE quality.stock_level ENABLE ROW LEVEL SECURITY;
CREATE POLICY stock_level_scope ON quality.stock_level USING (
  quality.actor_role() = 'SYSTEM'
  OR (quality.actor_role() = 'REGULATOR' AND region_code LIKE quality.actor_region_like())
  OR (quality.actor_role() IN ('MANUFACTURER', 'DISTRIBUTOR') AND enterprise_id = quality.actor_org())
);

-- Q-06: the stock on hand per product in a region subtree (`region_like`, a regionLikePattern), summed over all
-- enterprises; only the total leaves the function. The service checks the region is readable first.
CREATE FUNCTION quality.regional_stock_on_hand(region_like text, product_ids uuid[])
  RETURNS TABLE (product_id uuid, on_hand numeric)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$
    SELECT s.product_id, sum(s.quantity_on_hand) FROM quality.stock_level s
     WHERE s.region_code LIKE $1 AND s.product_id = ANY($2)
     GROUP BY s.product_id
  $$;
REVOKE EXECUTE ON FUNCTION quality.regional_stock_on_hand(text, uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION quality.regional_stock_on_hand(text, uuid[]) TO quality_app;

-- Q-06 production stop notices: listed in shortage warnings with the stopping enterprise. An institution may ask
-- about its region and every region above it up to the whole country, so every stop may appear in its
-- warnings; regulators see stops touching their region subtree or a region above it; an enterprise its own.
ALTER TABLE quality.production_stop ENABLE ROW LEVEL SECURITY;
CREATE POLICY production_stop_scope ON quality.production_stop USING (
  quality.actor_role() IN ('SYSTEM', 'INSTITUTION')
  OR (quality.actor_role() = 'REGULATOR' AND EXISTS (
        SELECT 1 FROM unnest(region_codes) rc WHERE rc LIKE quality.actor_region_like() OR quality.actor_region_within(rc)))
  OR (quality.actor_role() IN ('MANUFACTURER', 'DISTRIBUTOR') AND enterprise_id = quality.actor_org())
);
