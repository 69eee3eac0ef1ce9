-- The journeys as one library (issue 14, items 3, 4 and 6; decision 0035): a summary of each journey's headline
-- figures, its searchable text, and who marked it reviewed when. Summaries and search entries are kept per
-- journey version: the API computes them once for a version and the portfolio and search read them, so opening
-- a portfolio of 500 journeys reads 500 small rows, not 500 documents. Keep within PostgreSQL 15.

-- One row per journey: the version it was computed from and the figures as JSON (opaque to the store; the
-- API's library/journey-summary.ts writes and reads it). A journey whose version differs is recomputed.
CREATE TABLE journey_summaries (
  workspace_id text NOT NULL,
  journey_id text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  summary jsonb NOT NULL,
  computed_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, journey_id),
  FOREIGN KEY (workspace_id, journey_id) REFERENCES journeys (workspace_id, id) ON DELETE CASCADE
);

-- The searchable text of each journey at its summary's version: its title, stages, steps, cards and quotes,
-- one row each, in English ('english' configuration: stemmed) or Welsh ('simple': PostgreSQL has no Welsh
-- stemmer, so Welsh words are matched as written, lower-cased). Replaced whole when the summary is.
CREATE TABLE journey_search (
  workspace_id text NOT NULL,
  journey_id text NOT NULL,
  n integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('title', 'stage', 'step', 'card', 'quote')),
  item_id text,
  column_id text,
  card_kind text,
  language text NOT NULL CHECK (language IN ('en', 'cy')),
  config text NOT NULL CHECK (config IN ('english', 'simple')),
  body text NOT NULL,
  tsv tsvector NOT NULL,
  PRIMARY KEY (workspace_id, journey_id, n),
  FOREIGN KEY (workspace_id, journey_id) REFERENCES journeys (workspace_id, id) ON DELETE CASCADE
);
-- fastupdate off: entries go into the index as they are written. With it on, they wait in a pending list that
-- every search reads until a VACUUM, and the embedded database has no autovacuum to run one.
CREATE INDEX journey_search_tsv_idx ON journey_search USING gin (tsv) WITH (fastupdate = off);

-- "Mark as reviewed": who said the map was still true, and when (the journey's lastVerified is set in the same
-- request; this keeps the person). Audited as journey.review.
CREATE TABLE journey_reviews (
  workspace_id text NOT NULL,
  journey_id text NOT NULL,
  version integer NOT NULL,
  reviewed_by text REFERENCES users (id) ON DELETE SET NULL,
  reviewed_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, journey_id, reviewed_at),
  FOREIGN KEY (workspace_id, journey_id) REFERENCES journeys (workspace_id, id) ON DELETE CASCADE
);
