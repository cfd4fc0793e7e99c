-- Everseed assignments: every torrent this service seeds, so a restart resumes them all.
CREATE TABLE everseed (
  info_hash bytea PRIMARY KEY CHECK (octet_length(info_hash) = 20),
  blob_key text NOT NULL,
  torrent bytea NOT NULL,
  origin text NOT NULL CHECK (origin IN ('torrent-created', 'swarm-empty')),
  state text NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'failed')),
  failure text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Transactional outbox of platform-messaging (events this service will emit, relayed to Kafka).
CREATE TABLE outbox (
  event_id uuid PRIMARY KEY,
  topic text NOT NULL,
  record_key text NOT NULL,
  payload bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz
);
CREATE INDEX outbox_unpublished ON outbox (created_at) WHERE published_at IS NULL;
