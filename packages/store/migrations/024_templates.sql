-- Templates and sharing across organisations (issue 14 item 5; decision 0036). A workspace keeps templates: a
-- whole map, a set of lanes or a persona, saved from a map or imported from a template pack, with no personal
-- data (the API strips it before storing). body is the template's content as @waymark/core's templateBodySchema
-- ({kind:'map', journey} | {kind:'lanes', lanes} | {kind:'persona', persona}). Keep within PostgreSQL 15.
CREATE TABLE workspace_templates (
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id text NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description text CHECK (length(description) <= 2000),
  source text CHECK (length(source) <= 2000),
  kind text NOT NULL CHECK (kind IN ('map', 'lanes', 'persona')),
  body jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  created_by text REFERENCES users (id) ON DELETE SET NULL,
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX workspace_templates_by_time ON workspace_templates (workspace_id, created_at DESC);

-- Where a map copied from another workspace came from: the workspace, map and version, when and by whom.
-- The names are kept as they were when copied, so the copy still says where it came from after the source
-- workspace or map is renamed or deleted (hence no foreign key to the source).
CREATE TABLE journey_provenance (
  workspace_id text NOT NULL,
  journey_id text NOT NULL,
  from_workspace_id text NOT NULL,
  from_workspace_name text NOT NULL,
  from_journey_id text NOT NULL,
  from_journey_title text NOT NULL,
  from_version integer NOT NULL CHECK (from_version >= 1),
  copied_at timestamptz NOT NULL,
  copied_by text REFERENCES users (id) ON DELETE SET NULL,
  copied_by_name text NOT NULL,
  PRIMARY KEY (workspace_id, journey_id),
  FOREIGN KEY (workspace_id, journey_id) REFERENCES journeys (workspace_id, id) ON DELETE CASCADE
);
