-- Torrents the tracker tracks: registered from TorrentCreated, kept across restarts with their
-- completed-download counts (event=completed announces, BEP 3).
CREATE TABLE torrent (
  info_hash bytea PRIMARY KEY CHECK (octet_length(info_hash) = 20),
  publication_id uuid NOT NULL,
  name text NOT NULL,
  registered_at timestamptz NOT NULL DEFAULT now(),
  completed bigint NOT NULL DEFAULT 0 CHECK (completed >= 0),
  swarm_empty_reported_at timestamptz
);

-- Transactional outbox (platform-messaging relays it to Kafka).
CREATE TABLE outbox (
  event_id uuid PRIMARY KEY,
  topic text NOT NULL,
  record_key text NOT NULL,
  payload bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz
);
CREATE INDEX outbox_unpublished ON outbox (created_at) WHERE published_at IS NULL;
