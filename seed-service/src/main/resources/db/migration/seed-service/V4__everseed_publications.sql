-- One torrent (info_hash) can belong to several publications: the same bytes under the same name, published
-- twice, give one info_hash, each publication with blobs of its own. The everseed is withdrawn only when the last
-- live publication goes; while another is live it moves to that one's blobs (the portal deletes a withdrawn
-- publication's blobs); a new publication of a withdrawn torrent seeds it again. blob_key is NULL for a
-- placeholder: a withdrawal that overtook its TorrentCreated.
CREATE TABLE everseed_publication (
  info_hash bytea NOT NULL CHECK (octet_length(info_hash) = 20),
  publication_id uuid NOT NULL,
  blob_key text,
  file_blob_keys text[],
  withdrawn_at timestamptz,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (info_hash, publication_id)
);
