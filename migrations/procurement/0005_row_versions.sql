-- Optimistic concurrency: every change to an order bumps its version; a write that names a stale one is refused.
ALTER TABLE procurement.purchase_order ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version > 0);
