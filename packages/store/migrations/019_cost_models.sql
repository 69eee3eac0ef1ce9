-- Cost models (issue 13 item 2, decision 0032). A workspace's own unit costs per channel and per activity, each
-- line built up from staff time or entered directly; the lines are checked by @waymark/measure's costModelSchema
-- before they are stored, and kept as JSON. The published tables (Socitm, PwC) are not stored: they ship with
-- Waymark as read-only models. Keep within PostgreSQL 15.
CREATE TABLE cost_models (
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id text NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  price_year text NOT NULL CHECK (price_year ~ '^[0-9]{4}(-[0-9]{2})?$'),
  lines jsonb NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by text REFERENCES users (id) ON DELETE SET NULL,
  PRIMARY KEY (workspace_id, id)
);

-- The model a workspace's figures use unless a person chooses another: one of its own, or a published table's
-- id. No row: Socitm 2011, as before.
CREATE TABLE workspace_cost_defaults (
  workspace_id text PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
  model_id text NOT NULL,
  price_year text CHECK (price_year IS NULL OR price_year ~ '^[0-9]{4}(-[0-9]{2})?$'),
  updated_at timestamptz NOT NULL,
  updated_by text REFERENCES users (id) ON DELETE SET NULL
);

-- A newer GDP deflator series an instance administrator loaded (one for the whole instance). No row: the series
-- Waymark ships.
CREATE TABLE deflator_series (
  id text PRIMARY KEY CHECK (id = 'current'),
  series jsonb NOT NULL,
  loaded_at timestamptz NOT NULL,
  loaded_by text REFERENCES users (id) ON DELETE SET NULL
);
