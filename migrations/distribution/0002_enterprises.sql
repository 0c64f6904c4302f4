-- D-01 enterprises: manufacturers and distributors with their unified social credit code.
CREATE TABLE distribution.enterprise (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  credit_code text NOT NULL UNIQUE CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
  is_manufacturer boolean NOT NULL,
  is_distributor boolean NOT NULL,
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED', 'DEREGISTERED')),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (is_manufacturer OR is_distributor)
);
CREATE INDEX enterprise_region_idx ON distribution.enterprise (region_code text_pattern_ops, id);

-- Section G parameters owned by distribution (G-05, G-07); null means inherit.
CREATE TABLE distribution.jurisdiction_policy (
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  effective_from date NOT NULL,
  effective_to date,
  document text NOT NULL,
  receipt_confirmation_hours integer CHECK (receipt_confirmation_hours > 0),
  distributor_cap_drugs integer CHECK (distributor_cap_drugs > 0),
  distributor_cap_consumables integer CHECK (distributor_cap_consumables > 0),
  PRIMARY KEY (region_code, effective_from),
  CHECK (effective_to IS NULL OR effective_to >= effective_from)
);
