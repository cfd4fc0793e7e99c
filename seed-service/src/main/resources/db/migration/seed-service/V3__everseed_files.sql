-- A multi-file torrent's content is one blob per file (TorrentCreated.files): their keys in the order of the
-- metainfo's content files (BEP 3 files list without pad files; for v2 and hybrid the file tree's order).
-- NULL for a single-file torrent, whose content is blob_key.
ALTER TABLE everseed ADD COLUMN file_blob_keys text[];
