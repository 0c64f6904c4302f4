-- A distributor's retry of shipOrder under the same key finds the delivery the first call created.
ALTER TABLE distribution.delivery ADD COLUMN idempotency_key text;
ALTER TABLE distribution.delivery ADD COLUMN request_hash text;
CREATE UNIQUE INDEX delivery_idempotency_idx ON distribution.delivery (distributor_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
