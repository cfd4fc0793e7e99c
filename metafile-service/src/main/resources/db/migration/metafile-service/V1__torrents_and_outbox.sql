-- metafile-service: one torrent per publication, and the transactional outbox.
CREATE TABLE torrents (
  publication_id uuid PRIMARY KEY,
  info_hash bytea NOT NULL CHECK (octet_length(info_hash) = 20),
  name text NOT NULL,
  size bigint NOT NULL CHECK (size >= 0),
  piece_length integer NOT NULL CHECK (piece_length > 0),
  metainfo bytea NOT NULL,
  magnet_uri text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
-- Identical content published twice has the same info_hash: lookups take the oldest row.
CREATE INDEX torrents_info_hash ON torrents (info_hash, created_at);

CREATE TABLE outbox (
  event_id uuid PRIMARY KEY,
  topic text NOT NULL,
  record_key text NOT NULL,
  payload bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz
);
CREATE INDEX outbox_unpublished ON outbox (created_at) WHERE published_at IS NULL;
