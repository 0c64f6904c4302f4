-- Q-01 inspections (抽检) of products at production, distribution or use.
CREATE TABLE quality.inspection (
  id uuid PRIMARY KEY,
  product_id uuid NOT NULL,
  manufacturer_id uuid NOT NULL,
  batch_number text NOT NULL CHECK (length(batch_number) BETWEEN 1 AND 64),
  sampling_stage text NOT NULL CHECK (sampling_stage IN ('PRODUCTION', 'DISTRIBUTION', 'USE')),
  sampled_at_org_id uuid,
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  sampled_on date NOT NULL,
  result text NOT NULL CHECK (result IN ('PASSED', 'FAILED', 'PENDING')),
  findings text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inspection_product_idx ON quality.inspection (product_id, sampled_on DESC, id);
CREATE INDEX inspection_region_idx ON quality.inspection (region_code text_pattern_ops, id);

-- Section G parameters owned by quality (G-08); null means inherit.
CREATE TABLE quality.jurisdiction_policy (
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  effective_from date NOT NULL,
  effective_to date,
  document text NOT NULL,
  dishonesty_ban_years integer CHECK (dishonesty_ban_years > 0),
  dishonesty_ban_scope text,
  PRIMARY KEY (region_code, effective_from),
  CHECK (effective_to IS NULL OR effective_to >= effective_from)
);
