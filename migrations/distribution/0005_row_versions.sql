-- Optimistic concurrency: every change to a delivery bumps its version; a write that names a stale one is refused.
ALTER TABLE distribution.delivery ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version > 0);
