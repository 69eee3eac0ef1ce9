-- Retention (issue 12 item 4; docs/decisions, "Retention"): how long each workspace keeps what it no longer needs. One row per
-- workspace whose owner changed a period; a workspace without a row keeps Waymark's defaults (the API's
-- retention-policy.ts says them and why). Each period is a whole number of days; the nightly purge removes, per
-- workspace: journeys in the bin deleted longer ago than deleted_journeys_days, datasets imported longer ago
-- than datasets_days, kept raw uploads (the file as uploaded, before pseudonymisation) older than
-- raw_uploads_days, audit entries older than audit_days, and versions of a journey older than history_days
-- (never the current version, and never one the current document is rebuilt from). Keep within PostgreSQL 15.
CREATE TABLE workspace_retention (
  workspace_id text PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
  deleted_journeys_days integer NOT NULL CHECK (deleted_journeys_days BETWEEN 1 AND 3650),
  datasets_days integer NOT NULL CHECK (datasets_days BETWEEN 1 AND 3650),
  raw_uploads_days integer NOT NULL CHECK (raw_uploads_days BETWEEN 1 AND 3650),
  audit_days integer NOT NULL CHECK (audit_days BETWEEN 1 AND 3650),
  history_days integer NOT NULL CHECK (history_days BETWEEN 1 AND 3650),
  updated_at timestamptz NOT NULL,
  updated_by text REFERENCES users (id) ON DELETE SET NULL
);

-- The purge finds old audit entries and old versions by time.
CREATE INDEX audit_events_at_idx ON audit_events (workspace_id, at);
CREATE INDEX journey_versions_at_idx ON journey_versions (workspace_id, at);
