-- A withdrawn publication (PublicationWithdrawn) is never seeded again; its row stays as a tombstone so a
-- late or repeated TorrentCreated does not bring it back.
ALTER TABLE everseed DROP CONSTRAINT everseed_state_check;
ALTER TABLE everseed ADD CONSTRAINT everseed_state_check CHECK (state IN ('active', 'failed', 'withdrawn'));
CREATE INDEX everseed_state_updated ON everseed (state, updated_at) WHERE state <> 'active';
