-- I-01..I-04 payment standards (医保支付标准) per product, region and period, with the rule that set each.
CREATE TABLE insurance.payment_standard (
  id uuid PRIMARY KEY,
  product_id uuid NOT NULL,
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  amount numeric(18, 6) NOT NULL CHECK (amount >= 0),
  unit text NOT NULL,
  rule text NOT NULL CHECK (rule IN ('I-01', 'I-02', 'I-03', 'I-04')),
  basis text NOT NULL,
  effective_from date NOT NULL,
  effective_to date,
  CHECK (effective_to IS NULL OR effective_to >= effective_from),
  UNIQUE (product_id, region_code, effective_from)
);
CREATE INDEX payment_standard_product_idx ON insurance.payment_standard (product_id, effective_from DESC);

-- Section G parameters owned by insurance (G-01..G-04, and I-05's continuation); null means inherit.
CREATE TABLE insurance.jurisdiction_policy (
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  effective_from date NOT NULL,
  effective_to date,
  document text NOT NULL,
  prepayment_share_drugs numeric(5, 4) CHECK (prepayment_share_drugs BETWEEN 0 AND 1),
  prepayment_share_consumables numeric(5, 4) CHECK (prepayment_share_consumables BETWEEN 0 AND 1),
  prepayment_share_is_minimum boolean,
  prepayment_days integer CHECK (prepayment_days > 0),
  prepayment_offset_against_claims boolean,
  prepayment_leftover_recovery_months integer CHECK (prepayment_leftover_recovery_months > 0),
  prepayment_continues_after_completion boolean,
  payment_term_basis text CHECK (payment_term_basis IN ('DAYS_AFTER_ACCEPTANCE', 'DAYS_AFTER_ACCEPTANCE_AND_INVOICE', 'END_OF_FOLLOWING_MONTH')),
  payment_term_days integer CHECK (payment_term_days > 0),
  PRIMARY KEY (region_code, effective_from),
  CHECK (effective_to IS NULL OR effective_to >= effective_from),
  CHECK (payment_term_basis IS NULL OR payment_term_basis = 'END_OF_FOLLOWING_MONTH' OR payment_term_days IS NOT NULL)
);
