-- Improvement artefacts of a journey (issue 6): business cases, indicators with their recorded values, and
-- activity-sampling studies. Each is one JSON document checked by the API against @waymark/measure's schemas,
-- version-checked like journeys so two people editing one business case never overwrite each other silently.
CREATE TABLE journey_artifacts (
  workspace_id text NOT NULL,
  journey_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('business-case', 'indicators', 'sampling-study')),
  id text NOT NULL,
  data jsonb NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by text REFERENCES users (id) ON DELETE SET NULL,
  PRIMARY KEY (workspace_id, journey_id, kind, id),
  FOREIGN KEY (workspace_id, journey_id) REFERENCES journeys (workspace_id, id) ON DELETE CASCADE
);
