-- Transactional outbox: events the procurement subgraph records in the same transaction as the change they
-- describe; its relay moves them to the bus in seq order and stamps published_at.
CREATE TABLE procurement.outbox_event (
  seq bigserial PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  type text NOT NULL,
  version integer NOT NULL CHECK (version > 0),
  key text NOT NULL,
  key_seq integer NOT NULL CHECK (key_seq > 0),
  producer text NOT NULL CHECK (producer = 'procurement'),
  occurred_at timestamptz NOT NULL DEFAULT now(),
  payload jsonb NOT NULL,
  published_at timestamptz,
  UNIQUE (key, key_seq)
);
CREATE INDEX outbox_event_unpublished_idx ON procurement.outbox_event (seq) WHERE published_at IS NULL;

-- Per-key event counter: its row lock orders concurrent writers of one key.
CREATE TABLE procurement.outbox_key (
  key text PRIMARY KEY,
  last_seq integer NOT NULL
);

-- Inbox: events from other subgraphs that procurement has applied, recorded with their effect.
CREATE TABLE procurement.inbox (
  event_id uuid PRIMARY KEY,
  producer text NOT NULL,
  type text NOT NULL,
  key text NOT NULL,
  key_seq integer NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inbox_processed_idx ON procurement.inbox (processed_at);

-- How far each producer's key has been applied: the next event must be last_seq + 1.
CREATE TABLE procurement.inbox_position (
  producer text NOT NULL,
  key text NOT NULL,
  last_seq integer NOT NULL,
  PRIMARY KEY (producer, key)
);
