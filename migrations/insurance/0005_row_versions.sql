-- Optimistic concurrency: every change to a payable bumps its version; a write that names a stale one is refused.
ALTER TABLE insurance.settlement ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version > 0);
