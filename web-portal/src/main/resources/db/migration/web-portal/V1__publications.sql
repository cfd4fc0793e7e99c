-- Publications: one row per published file (web-portal owns this schema).
CREATE TABLE publications (
    id          uuid PRIMARY KEY,
    name        text        NOT NULL,
    size        bigint      NOT NULL CHECK (size >= 0),
    sha256      char(64)    NOT NULL,
    blob_key    text        NOT NULL UNIQUE,
    state       text        NOT NULL CHECK (state IN ('UPLOADED', 'PUBLISHED')),
    info_hash   char(40),
    torrent_url text,
    magnet_uri  text,
    seeders     integer     NOT NULL DEFAULT 0,
    leechers    integer     NOT NULL DEFAULT 0,
    completed   bigint      NOT NULL DEFAULT 0,
    swarm_at    timestamptz,
    created_at  timestamptz NOT NULL
);
CREATE INDEX publications_newest ON publications (created_at DESC);
CREATE INDEX publications_info_hash ON publications (info_hash);

-- Transactional outbox (platform-messaging): events written with the rows they speak of.
CREATE TABLE outbox (
    event_id     uuid PRIMARY KEY,
    topic        text        NOT NULL,
    record_key   text        NOT NULL,
    payload      bytea       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);
CREATE INDEX outbox_unpublished ON outbox (created_at) WHERE published_at IS NULL;
