-- Event logs imported into a workspace (issue 5): the file's name, format and size, the column mapping chosen,
-- who imported it and when, the counts and the first rejected rows, the analysis as JSON, and the events
-- themselves (only the mapped columns, case ids and people's names already pseudonymised) so filtered figures
-- can be recomputed. The uploaded file is kept only when the user asked (raw). The pseudonymisation key is not
-- here: it lives in the keyring outside the database.
CREATE TABLE datasets (
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id text NOT NULL,
  name text NOT NULL,
  file_name text NOT NULL,
  format text NOT NULL CHECK (format IN ('csv', 'xes', 'parquet')),
  size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
  mapping jsonb NOT NULL,
  options jsonb NOT NULL,
  created_by text REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  cases integer NOT NULL CHECK (cases >= 0),
  events integer NOT NULL CHECK (events >= 0),
  rejected_rows integer NOT NULL CHECK (rejected_rows >= 0),
  rejections jsonb NOT NULL,
  result jsonb NOT NULL,
  events_blob bytea NOT NULL,
  raw bytea,
  -- the journey it is attached to and the activity → step mapping (journey_id goes when the journey is purged)
  journey_id text,
  attachment jsonb,
  attached_at timestamptz,
  attached_by text REFERENCES users (id) ON DELETE SET NULL,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, journey_id) REFERENCES journeys (workspace_id, id) ON DELETE SET NULL (journey_id)
);
CREATE INDEX datasets_by_journey ON datasets (workspace_id, journey_id) WHERE journey_id IS NOT NULL;
