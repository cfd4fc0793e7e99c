-- BEP 52: the v2 info_hash (SHA-256) of v2 and hybrid torrents; its first 20 bytes are a second key of
-- the same swarm. Withdrawn publications (PublicationWithdrawn) are kept as rows so a replayed
-- TorrentCreated cannot bring them back, but are no longer tracked.
ALTER TABLE torrent ADD COLUMN info_hash_v2 bytea CHECK (octet_length(info_hash_v2) = 32);
ALTER TABLE torrent ADD COLUMN withdrawn_at timestamptz;
