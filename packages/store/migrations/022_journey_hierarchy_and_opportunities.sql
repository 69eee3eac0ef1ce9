-- Journeys within journeys and opportunities across journeys (issue 14, items 1 and 2; decision 0034).
-- Everything is keyed by workspace, and every journey it names is a journey of that workspace (foreign keys on
-- (workspace_id, journey id)), so nothing here can reach into another workspace. Keep within PostgreSQL 15.

-- A step (column) of a "whole problem" journey opens the service journey beneath it. The primary key on the
-- child gives a journey at most one parent; the store refuses cycles before it writes.
CREATE TABLE journey_children (
  workspace_id text NOT NULL,
  child_journey_id text NOT NULL,
  parent_journey_id text NOT NULL,
  parent_step_id text NOT NULL,
  created_at timestamptz NOT NULL,
  created_by text REFERENCES users (id) ON DELETE SET NULL,
  PRIMARY KEY (workspace_id, child_journey_id),
  UNIQUE (workspace_id, parent_journey_id, parent_step_id),
  CHECK (child_journey_id <> parent_journey_id),
  FOREIGN KEY (workspace_id, child_journey_id) REFERENCES journeys (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, parent_journey_id) REFERENCES journeys (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX journey_children_parent_idx ON journey_children (workspace_id, parent_journey_id);

-- This step of one journey hands over to that step of another (council tax → housing benefit). Seen from both.
CREATE TABLE journey_step_links (
  workspace_id text NOT NULL,
  id text NOT NULL,
  from_journey_id text NOT NULL,
  from_step_id text NOT NULL,
  to_journey_id text NOT NULL,
  to_step_id text NOT NULL,
  label text CHECK (label IS NULL OR length(label) BETWEEN 1 AND 300),
  created_at timestamptz NOT NULL,
  created_by text REFERENCES users (id) ON DELETE SET NULL,
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, from_journey_id, from_step_id, to_journey_id, to_step_id),
  CHECK (from_journey_id <> to_journey_id),
  FOREIGN KEY (workspace_id, from_journey_id) REFERENCES journeys (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, to_journey_id) REFERENCES journeys (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX journey_step_links_to_idx ON journey_step_links (workspace_id, to_journey_id);

-- An opportunity: a problem worth solving, gathered from evidence in several journeys.
CREATE TABLE opportunities (
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id text NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  description text CHECK (description IS NULL OR length(description) <= 4000),
  owner_id text REFERENCES users (id) ON DELETE SET NULL,
  status text NOT NULL CHECK (status IN ('open', 'in-progress', 'solved', 'parked')),
  priority text NOT NULL CHECK (priority IN ('high', 'medium', 'low')),
  version integer NOT NULL CHECK (version >= 1),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by text REFERENCES users (id) ON DELETE SET NULL,
  PRIMARY KEY (workspace_id, id)
);

-- What an opportunity gathers (a card — pain point, moment of truth, quote, measure — a step, or a journey
-- figure) and what it leads to (an idea, a business case, an indicator). target is the card, step or idea id,
-- the figure key, the business case's id, or "<indicator set id>/<indicator key>".
CREATE TABLE opportunity_links (
  workspace_id text NOT NULL,
  opportunity_id text NOT NULL,
  journey_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('card', 'step', 'figure', 'idea', 'business-case', 'indicator')),
  target text NOT NULL CHECK (length(target) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL,
  created_by text REFERENCES users (id) ON DELETE SET NULL,
  PRIMARY KEY (workspace_id, opportunity_id, journey_id, kind, target),
  FOREIGN KEY (workspace_id, opportunity_id) REFERENCES opportunities (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, journey_id) REFERENCES journeys (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX opportunity_links_journey_idx ON opportunity_links (workspace_id, journey_id);
