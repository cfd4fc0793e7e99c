-- Unpublished publications stay as rows (state WITHDRAWN) so that their ids are never reused; their blob is deleted.
ALTER TABLE publications DROP CONSTRAINT publications_state_check;
ALTER TABLE publications ADD CONSTRAINT publications_state_check CHECK (state IN ('UPLOADED', 'PUBLISHED', 'WITHDRAWN'));
ALTER TABLE publications ADD COLUMN info_hash_v2 char(64);
ALTER TABLE publications ADD COLUMN withdrawn_at timestamptz;
