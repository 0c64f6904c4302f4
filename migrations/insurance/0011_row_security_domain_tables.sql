-- Issue 8 for the tables of issue 6 (I-01..I-08): the policies repeat prepayment.scope.ts and the institution
-- scope of surplus-retention.ts. The catalogue and winning-product copies are published procurement facts
-- (names, flags, winning prices) and stay readable by everyone (listed in tests/e2e/row-security.test.ts).

CREATE FUNCTION insurance.actor_department() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT coalesce(current_setting('vbp.actor_department', true), '') $$;

-- P-04 agreed volumes per institution: the institution itself, regulators of its region (I-07 surplus retention
-- reads them for one institution at a time; the surplus readers are limited by department in permissions.ts).
ALTER TABLE insurance.agreed_volume ENABLE ROW LEVEL SECURITY;
CREATE POLICY agreed_volume_scope ON insurance.agreed_volume USING (
  insurance.actor_role() = 'SYSTEM'
  OR (insurance.actor_role() = 'REGULATOR' AND region_code LIKE insurance.actor_region_like())
  OR (insurance.actor_role() = 'INSTITUTION' AND institution_id = insurance.actor_org())
);

-- I-05 prepayments: the institution its own; medical-insurance and finance regulators their region (the
-- department test is in the SQL scope too); nobody else. The fund's operations (payout, offset, recovery) are
-- the medical-insurance regulator's, inside its region, and pass the same expression as their check.
ALTER TABLE insurance.prepayment ENABLE ROW LEVEL SECURITY;
CREATE POLICY prepayment_scope ON insurance.prepayment USING (
  insurance.actor_role() = 'SYSTEM'
  OR (insurance.actor_role() = 'REGULATOR' AND insurance.actor_department() IN ('MEDICAL_INSURANCE', 'FINANCE')
      AND region_code LIKE insurance.actor_region_like())
  OR (insurance.actor_role() = 'INSTITUTION' AND institution_id = insurance.actor_org())
);

-- The ledger: whoever sees the prepayment. The prepayment's policy never reads the ledger, and the posting
-- trigger reads and updates only the prepayment the entry belongs to, so a plain EXISTS cannot recurse.
ALTER TABLE insurance.prepayment_entry ENABLE ROW LEVEL SECURITY;
CREATE POLICY prepayment_entry_scope ON insurance.prepayment_entry USING (
  EXISTS (SELECT 1 FROM insurance.prepayment p WHERE p.id = prepayment_id)
);
