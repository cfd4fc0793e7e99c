-- metafile-service: v2 and hybrid torrents (BEP 52), the blob behind each torrent, and withdrawn publications.
ALTER TABLE torrents ADD COLUMN info_hash_v2 bytea CHECK (info_hash_v2 IS NULL OR octet_length(info_hash_v2) = 32);
ALTER TABLE torrents ADD COLUMN format text NOT NULL DEFAULT 'v1' CHECK (format IN ('v1', 'v2', 'hybrid'));
ALTER TABLE torrents ADD COLUMN blob_key text;
CREATE INDEX torrents_info_hash_v2 ON torrents (info_hash_v2, created_at) WHERE info_hash_v2 IS NOT NULL;

-- A withdrawn publication keeps its torrent row; its .torrent, magnet and file answer 404 from then on.
-- A withdrawal that arrives before the torrent exists also stops it from being made.
CREATE TABLE withdrawals (
  publication_id uuid PRIMARY KEY,
  withdrawn_at timestamptz NOT NULL DEFAULT now()
);
