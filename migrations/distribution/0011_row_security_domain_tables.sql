-- Issue 8 for the tables of issue 5 (D-02..D-06): the policies repeat authorization.scope.ts, stock.scope.ts and
-- the delivery scope, so a resolver that forgets its WHERE clause still sees only the caller's rows. Public
-- reference copies (winning products, published bans, remote-area designations) stay readable by everyone and
-- are listed as such in tests/e2e/row-security.test.ts.
--
-- Institutions and regulators ask whether their own region lies inside a served area: the request carries the
-- region only as its LIKE pattern (prefix || '%'), and for well-formed codes "region within area" is
-- "pattern LIKE region_prefix(area) || '%'" (the pattern's own '%' is matched by the area's wildcard).

-- D-02 participating institutions of a winning product: its manufacturer (whose distributors must cover them
-- all), regulators of the institution's region, the institution itself.
ALTER TABLE distribution.agreed_volume_copy ENABLE ROW LEVEL SECURITY;
CREATE POLICY agreed_volume_copy_scope ON distribution.agreed_volume_copy USING (
  distribution.actor_role() = 'SYSTEM'
  OR (distribution.actor_role() = 'REGULATOR' AND institution_region_code LIKE distribution.actor_region_like())
  OR (distribution.actor_role() = 'INSTITUTION' AND institution_id = distribution.actor_org())
  OR (distribution.actor_role() = 'MANUFACTURER' AND EXISTS (
        SELECT 1 FROM distribution.winning_product_copy w WHERE w.id = winning_product_id AND w.manufacturer_id = distribution.actor_org()))
);

-- D-02 authorisations: the granting manufacturer, the distributor holding it, institutions its area covers,
-- regulators whose region holds the pooling region or a served area or lies inside a served area. All the
-- authorisations of one winning product are its manufacturer's, so the G-07 count stays complete for it.
ALTER TABLE distribution.distributor_authorization ENABLE ROW LEVEL SECURITY;
CREATE POLICY distributor_authorization_scope ON distribution.distributor_authorization USING (
  distribution.actor_role() = 'SYSTEM'
  OR (distribution.actor_role() = 'MANUFACTURER' AND manufacturer_id = distribution.actor_org())
  OR (distribution.actor_role() = 'DISTRIBUTOR' AND distributor_id = distribution.actor_org())
  OR (distribution.actor_role() = 'INSTITUTION' AND distribution.actor_region_like() <> '-' AND EXISTS (
        SELECT 1 FROM unnest(coverage_region_codes) sc WHERE distribution.actor_region_like() LIKE distribution.region_prefix(sc) || '%'))
  OR (distribution.actor_role() = 'REGULATOR' AND (
        pooling_region_code LIKE distribution.actor_region_like()
        OR EXISTS (SELECT 1 FROM unnest(coverage_region_codes) sc
                    WHERE sc LIKE distribution.actor_region_like()
                       OR (distribution.actor_region_like() <> '-' AND distribution.actor_region_like() LIKE distribution.region_prefix(sc) || '%'))))
);

-- D-03 receipt lines and discrepancies, D-06 traceability codes: whoever sees the delivery (the delivery's policy
-- never reads these tables, so a plain EXISTS cannot recurse). Writes pass for the receiving institution
-- (confirmReceipt) and the delivering distributor (recordTraceabilityCodes).
ALTER TABLE distribution.receipt_line ENABLE ROW LEVEL SECURITY;
CREATE POLICY receipt_line_scope ON distribution.receipt_line USING (
  EXISTS (SELECT 1 FROM distribution.delivery d WHERE d.id = delivery_id)
);
ALTER TABLE distribution.delivery_discrepancy ENABLE ROW LEVEL SECURITY;
CREATE POLICY delivery_discrepancy_scope ON distribution.delivery_discrepancy USING (
  EXISTS (SELECT 1 FROM distribution.delivery d WHERE d.id = delivery_id)
);
ALTER TABLE distribution.traceability_code ENABLE ROW LEVEL SECURITY;
CREATE POLICY traceability_code_scope ON distribution.traceability_code USING (
  EXISTS (SELECT 1 FROM distribution.delivery d WHERE d.id = delivery_id)
);

-- D-06 one pack, one code: the codes of `codes` already recorded on another delivery or line, whoever delivered
-- it. The distributor cannot see other distributors' codes row by row, yet must be refused a code already
-- used; the answer names only the codes it sent, never where they went.
CREATE FUNCTION distribution.traceability_codes_taken(codes text[], line_nos integer[], delivery_id uuid) RETURNS SETOF text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$
    SELECT t.code FROM distribution.traceability_code t JOIN unnest($1, $2) AS c(code, line_no) ON c.code = t.code
     WHERE t.delivery_id <> $3 OR t.line_no <> c.line_no
     ORDER BY t.code LIMIT 5
  $$;
REVOKE EXECUTE ON FUNCTION distribution.traceability_codes_taken(text[], integer[], uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION distribution.traceability_codes_taken(text[], integer[], uuid) TO distribution_app;

-- D-05 stock reports and their lines: the reporting enterprise only (the answer to its own reportStock).
ALTER TABLE distribution.stock_report ENABLE ROW LEVEL SECURITY;
CREATE POLICY stock_report_scope ON distribution.stock_report USING (
  distribution.actor_role() = 'SYSTEM'
  OR (distribution.actor_role() IN ('MANUFACTURER', 'DISTRIBUTOR') AND enterprise_id = distribution.actor_org())
);
ALTER TABLE distribution.stock_report_line ENABLE ROW LEVEL SECURITY;
CREATE POLICY stock_report_line_scope ON distribution.stock_report_line USING (
  EXISTS (SELECT 1 FROM distribution.stock_report r WHERE r.id = report_id)
);

-- D-05 latest stock and capacity: the reporting enterprise, regulators of the stock's region.
ALTER TABLE distribution.stock_level ENABLE ROW LEVEL SECURITY;
CREATE POLICY stock_level_scope ON distribution.stock_level USING (
  distribution.actor_role() = 'SYSTEM'
  OR (distribution.actor_role() IN ('MANUFACTURER', 'DISTRIBUTOR') AND enterprise_id = distribution.actor_org())
  OR (distribution.actor_role() = 'REGULATOR' AND region_code LIKE distribution.actor_region_like())
);
ALTER TABLE distribution.capacity_report ENABLE ROW LEVEL SECURITY;
CREATE POLICY capacity_report_scope ON distribution.capacity_report USING (
  distribution.actor_role() = 'SYSTEM'
  OR (distribution.actor_role() IN ('MANUFACTURER', 'DISTRIBUTOR') AND enterprise_id = distribution.actor_org())
  OR (distribution.actor_role() = 'REGULATOR' AND region_code LIKE distribution.actor_region_like())
);

-- D-05 production stops as reported: the reporting manufacturer, regulators of any affected region.
ALTER TABLE distribution.production_stop ENABLE ROW LEVEL SECURITY;
CREATE POLICY production_stop_scope ON distribution.production_stop USING (
  distribution.actor_role() = 'SYSTEM'
  OR (distribution.actor_role() IN ('MANUFACTURER', 'DISTRIBUTOR') AND enterprise_id = distribution.actor_org())
  OR (distribution.actor_role() = 'REGULATOR' AND EXISTS (SELECT 1 FROM unnest(region_codes) sr WHERE sr LIKE distribution.actor_region_like()))
);
