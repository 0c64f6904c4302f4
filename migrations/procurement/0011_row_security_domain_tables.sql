-- Issue 8: row-level security for procurement's domain tables (batches and awards are published results,
-- like the catalogue and listings, and stay readable by all). A medical community's lead unit acts for
-- its members (P-06), so an institution's row scope is "itself and, if it leads a community, its members".

-- Reads institutions and communities past their own policies: the institution policy asks it.
CREATE FUNCTION procurement.acts_for(institution_id uuid, actor uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$ SELECT $1 = $2 OR EXISTS (
          SELECT 1 FROM procurement.institution m JOIN procurement.medical_community c ON c.id = m.medical_community_id
           WHERE m.id = $1 AND c.lead_institution_id = $2) $$;

DROP POLICY institution_scope ON procurement.institution;
CREATE POLICY institution_scope ON procurement.institution USING (
  procurement.actor_role() IN ('SYSTEM', 'MANUFACTURER', 'DISTRIBUTOR')
  OR (procurement.actor_role() = 'REGULATOR' AND region_code LIKE procurement.actor_region_like())
  OR (procurement.actor_role() = 'INSTITUTION' AND procurement.acts_for(id, procurement.actor_org()))
);

DROP POLICY order_scope ON procurement.purchase_order;
CREATE POLICY order_scope ON procurement.purchase_order USING (
  procurement.actor_role() = 'SYSTEM'
  OR (procurement.actor_role() = 'REGULATOR' AND region_code LIKE procurement.actor_region_like())
  OR (procurement.actor_role() = 'INSTITUTION' AND procurement.acts_for(institution_id, procurement.actor_org()))
  OR (procurement.actor_role() = 'DISTRIBUTOR' AND distributor_id = procurement.actor_org())
  OR (procurement.actor_role() = 'MANUFACTURER' AND procurement.order_carries_products_of(id, procurement.actor_org()))
);

-- Communities: regulators their region, an institution the one it belongs to; enterprises none.
ALTER TABLE procurement.medical_community ENABLE ROW LEVEL SECURITY;
CREATE POLICY medical_community_scope ON procurement.medical_community USING (
  procurement.actor_role() = 'SYSTEM'
  OR (procurement.actor_role() = 'REGULATOR' AND region_code LIKE procurement.actor_region_like())
  OR (procurement.actor_role() = 'INSTITUTION' AND EXISTS (
        SELECT 1 FROM procurement.institution i WHERE i.id = procurement.actor_org() AND i.medical_community_id = medical_community.id))
);

-- Agreed volumes (P-04): regulators their region, an institution its own (a lead unit also its members'),
-- a manufacturer those of its winning products.
ALTER TABLE procurement.agreed_volume ENABLE ROW LEVEL SECURITY;
CREATE POLICY agreed_volume_scope ON procurement.agreed_volume USING (
  procurement.actor_role() = 'SYSTEM'
  OR (procurement.actor_role() = 'REGULATOR' AND region_code LIKE procurement.actor_region_like())
  OR (procurement.actor_role() = 'INSTITUTION' AND procurement.acts_for(institution_id, procurement.actor_org()))
  OR (procurement.actor_role() = 'MANUFACTURER' AND EXISTS (
        SELECT 1 FROM procurement.winning_product w WHERE w.id = winning_product_id AND w.manufacturer_id = procurement.actor_org()))
);

-- Reallocations (P-06): regulators their region, the institutions moved from or to (and their lead unit).
ALTER TABLE procurement.agreed_volume_reallocation ENABLE ROW LEVEL SECURITY;
CREATE POLICY agreed_volume_reallocation_scope ON procurement.agreed_volume_reallocation USING (
  procurement.actor_role() = 'SYSTEM'
  OR (procurement.actor_role() = 'REGULATOR' AND region_code LIKE procurement.actor_region_like())
  OR (procurement.actor_role() = 'INSTITUTION'
      AND (procurement.acts_for(from_institution_id, procurement.actor_org()) OR procurement.acts_for(to_institution_id, procurement.actor_org())))
);

-- Purchased-quantity rollups (P-05), written by triggers as the ordering institution: an institution
-- its own (lead unit: members'), regulators those of institutions in their region, a manufacturer
-- those of its products.
ALTER TABLE procurement.purchased_volume ENABLE ROW LEVEL SECURITY;
CREATE POLICY purchased_volume_scope ON procurement.purchased_volume USING (
  procurement.actor_role() = 'SYSTEM'
  OR (procurement.actor_role() = 'REGULATOR' AND EXISTS (SELECT 1 FROM procurement.institution i WHERE i.id = institution_id))
  OR (procurement.actor_role() = 'INSTITUTION' AND procurement.acts_for(institution_id, procurement.actor_org()))
  OR (procurement.actor_role() = 'MANUFACTURER' AND EXISTS (
        SELECT 1 FROM procurement.product p WHERE p.id = product_id AND p.manufacturer_id = procurement.actor_org()))
);
ALTER TABLE procurement.purchased_volume_day ENABLE ROW LEVEL SECURITY;
CREATE POLICY purchased_volume_day_scope ON procurement.purchased_volume_day USING (
  procurement.actor_role() = 'SYSTEM'
  OR (procurement.actor_role() = 'REGULATOR' AND EXISTS (SELECT 1 FROM procurement.institution i WHERE i.id = institution_id))
  OR (procurement.actor_role() = 'INSTITUTION' AND procurement.acts_for(institution_id, procurement.actor_org()))
  OR (procurement.actor_role() = 'MANUFACTURER' AND EXISTS (
        SELECT 1 FROM procurement.product p WHERE p.id = product_id AND p.manufacturer_id = procurement.actor_org()))
);

-- Filed purchases (P-07): the institution its own; insurance and health regulators their region.
ALTER TABLE procurement.filed_purchase ENABLE ROW LEVEL SECURITY;
CREATE POLICY filed_purchase_scope ON procurement.filed_purchase USING (
  procurement.actor_role() = 'SYSTEM'
  OR (procurement.actor_role() = 'INSTITUTION' AND institution_id = procurement.actor_org())
  OR (procurement.actor_role() = 'REGULATOR'
      AND current_setting('vbp.actor_department', true) IN ('MEDICAL_INSURANCE', 'HEALTH_COMMISSION')
      AND region_code LIKE procurement.actor_region_like())
);
