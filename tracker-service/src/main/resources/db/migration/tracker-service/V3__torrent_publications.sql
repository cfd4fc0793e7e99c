-- One torrent (info_hash) can belong to several publications: the same bytes under the same name, published
-- twice, give one info_hash. The torrent is tracked while at least one of its publications is not withdrawn
-- (torrent.withdrawn_at is set only when the last one goes, and cleared when a new publication of it comes).
CREATE TABLE torrent_publication (
  info_hash bytea NOT NULL CHECK (octet_length(info_hash) = 20),
  publication_id uuid NOT NULL,
  withdrawn_at timestamptz,
  PRIMARY KEY (info_hash, publication_id)
);
INSERT INTO torrent_publication (info_hash, publication_id, withdrawn_at)
  SELECT info_hash, publication_id, withdrawn_at FROM torrent;
