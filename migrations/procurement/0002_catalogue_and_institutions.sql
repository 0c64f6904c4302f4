-- P-01 product catalogue: drugs and consumables with their codes and evaluation flags.
CREATE TABLE procurement.product (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('DRUG', 'CONSUMABLE')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  generic_name text NOT NULL CHECK (length(generic_name) BETWEEN 1 AND 200),
  dosage_form text,
  specification text NOT NULL,
  pack text NOT NULL,
  manufacturer_id uuid NOT NULL,
  nhsa_code text NOT NULL UNIQUE,
  is_originator boolean NOT NULL DEFAULT false,
  is_reference_drug boolean NOT NULL DEFAULT false,
  passed_consistency_evaluation boolean NOT NULL DEFAULT false,
  consumable_category text,
  function_group text,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Drugs have a dosage form; consumables a category and function group (P-01).
  CHECK ((kind = 'DRUG' AND dosage_form IS NOT NULL)
      OR (kind = 'CONSUMABLE' AND consumable_category IS NOT NULL AND function_group IS NOT NULL))
);
CREATE INDEX product_generic_name_idx ON procurement.product (generic_name);
CREATE INDEX product_manufacturer_idx ON procurement.product (manufacturer_id);

-- Medical institutions (医疗机构) participating in procurement.
CREATE TABLE procurement.institution (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  type text NOT NULL CHECK (type IN ('HOSPITAL', 'TOWNSHIP_HEALTH_CENTRE', 'VILLAGE_CLINIC', 'MILITARY_HOSPITAL', 'PRIVATE')),
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  created_at timestamptz NOT NULL DEFAULT now()
);
-- Regulators see a region subtree: a prefix match on the code.
CREATE INDEX institution_region_idx ON procurement.institution (region_code text_pattern_ops, id);

-- Section G parameters owned by procurement, one row per region and policy version (G-06, G-09, G-10, G-11).
-- A null parameter means "this version says nothing; inherit it" (district → city → province → national).
CREATE TABLE procurement.jurisdiction_policy (
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  effective_from date NOT NULL,
  effective_to date,
  document text NOT NULL,
  filed_purchase_working_days integer CHECK (filed_purchase_working_days > 0),
  agreed_volume_basis text,
  agreed_volume_min_share numeric(5, 4) CHECK (agreed_volume_min_share BETWEEN 0 AND 1),
  agreed_volume_max_share numeric(5, 4) CHECK (agreed_volume_max_share BETWEEN 0 AND 1),
  contract_renewal text CHECK (contract_renewal IN ('HALF_YEAR_ALIGNED', 'CONTRACT_ANNIVERSARY')),
  monitoring_cadence text CHECK (monitoring_cadence IN ('MONTHLY', 'QUARTERLY', 'YEARLY')),
  assessment_cadence text CHECK (assessment_cadence IN ('MONTHLY', 'QUARTERLY', 'YEARLY')),
  settlement_cadence text CHECK (settlement_cadence IN ('MONTHLY', 'QUARTERLY', 'YEARLY')),
  PRIMARY KEY (region_code, effective_from),
  CHECK (effective_to IS NULL OR effective_to >= effective_from),
  CHECK (agreed_volume_min_share IS NULL OR agreed_volume_max_share IS NULL OR agreed_volume_min_share <= agreed_volume_max_share)
);
