-- Survey evidence on journey steps (issue 13 item 3, decision 0033). One row per imported export: its questions
-- with the step each is about and the counts of each answer (never the answers row by row, so a million
-- responses are a few numbers); and its free-text answers as quotes, redacted before they reach here, with the
-- respondent's pseudonym (never the email, phone number or response id) and whether they agreed to be quoted.
-- Keep within PostgreSQL 15.
CREATE TABLE journey_surveys (
  workspace_id text NOT NULL,
  journey_id text NOT NULL,
  id text NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  source text NOT NULL CHECK (source IN ('microsoft-forms', 'smartsurvey', 'notify', 'other')),
  file_name text,
  responses integer NOT NULL CHECK (responses >= 0),
  questions jsonb NOT NULL,
  redactions jsonb NOT NULL,
  quotes_left_out integer NOT NULL DEFAULT 0 CHECK (quotes_left_out >= 0),
  imported_at timestamptz NOT NULL,
  imported_by text REFERENCES users (id) ON DELETE SET NULL,
  PRIMARY KEY (workspace_id, journey_id, id),
  FOREIGN KEY (workspace_id, journey_id) REFERENCES journeys (workspace_id, id) ON DELETE CASCADE
);

CREATE TABLE survey_quotes (
  workspace_id text NOT NULL,
  journey_id text NOT NULL,
  survey_id text NOT NULL,
  n integer NOT NULL CHECK (n >= 1),
  question text NOT NULL,
  step_id text,
  respondent text NOT NULL CHECK (respondent ~ '^p_[0-9a-f]{16}$'),
  answered_on date,
  text text NOT NULL,
  consent boolean NOT NULL,
  redacted boolean NOT NULL,
  PRIMARY KEY (workspace_id, journey_id, survey_id, n),
  FOREIGN KEY (workspace_id, journey_id, survey_id) REFERENCES journey_surveys (workspace_id, journey_id, id)
    ON DELETE CASCADE
);
CREATE INDEX survey_quotes_step ON survey_quotes (workspace_id, journey_id, step_id) WHERE consent;
