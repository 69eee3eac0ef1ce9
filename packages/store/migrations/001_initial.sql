-- Waymark's first schema. Times are passed in by the application (its clock), never taken from now(), so
-- tests are deterministic. Keep within PostgreSQL 15 (PGlite is 18).

CREATE TABLE users (
  id text PRIMARY KEY,
  email text NOT NULL,
  name text NOT NULL,
  created_at timestamptz NOT NULL,
  failed_sign_ins integer NOT NULL DEFAULT 0,
  locked_until timestamptz
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

-- How a user proves who they are, apart from the user: a password today ('password', subject = lower(email)),
-- an OpenID Connect issuer and subject later ('oidc:https://issuer', subject = sub), without reshaping users.
CREATE TABLE credentials (
  provider text NOT NULL,
  subject text NOT NULL,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  secret_hash text,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (provider, subject)
);
CREATE INDEX credentials_user_idx ON credentials (user_id);

-- Only a hash of the session token is stored: a copy of the database does not sign anyone in.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE workspaces (
  id text PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE memberships (
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('owner', 'editor', 'commenter', 'viewer')),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, user_id)
);
CREATE INDEX memberships_user_idx ON memberships (user_id);

CREATE TABLE api_tokens (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('owner', 'editor', 'commenter', 'viewer')),
  token_hash text NOT NULL UNIQUE,
  created_by text NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX api_tokens_workspace_idx ON api_tokens (workspace_id);

-- The current document of each journey, with the fields lists filter on copied out of it.
CREATE TABLE journeys (
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  id text NOT NULL,
  document jsonb NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  title text NOT NULL,
  journey_type text NOT NULL,
  status text NOT NULL,
  owner text,
  segment text,
  review_date text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by text REFERENCES users (id),
  deleted_at timestamptz,
  PRIMARY KEY (workspace_id, id)
);

-- Every version of every journey: what made it (created, commands, restored, imported, duplicated), who, when.
CREATE TABLE journey_versions (
  workspace_id text NOT NULL,
  journey_id text NOT NULL,
  version integer NOT NULL,
  kind text NOT NULL,
  commands jsonb NOT NULL,
  detail jsonb,
  by_user text REFERENCES users (id),
  at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, journey_id, version),
  FOREIGN KEY (workspace_id, journey_id) REFERENCES journeys (workspace_id, id) ON DELETE CASCADE
);

-- Whole documents at some versions (each creation and restore, then every few versions), so an old version is
-- rebuilt by replaying a few commands from the nearest snapshot.
CREATE TABLE journey_snapshots (
  workspace_id text NOT NULL,
  journey_id text NOT NULL,
  version integer NOT NULL,
  document jsonb NOT NULL,
  PRIMARY KEY (workspace_id, journey_id, version),
  FOREIGN KEY (workspace_id, journey_id) REFERENCES journeys (workspace_id, id) ON DELETE CASCADE
);

CREATE TABLE comments (
  id text PRIMARY KEY,
  workspace_id text NOT NULL,
  journey_id text NOT NULL,
  column_id text,
  card_id text,
  body text NOT NULL,
  author_id text NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  resolved_at timestamptz,
  resolved_by text REFERENCES users (id),
  FOREIGN KEY (workspace_id, journey_id) REFERENCES journeys (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX comments_journey_idx ON comments (workspace_id, journey_id, created_at);

CREATE TABLE share_links (
  id text PRIMARY KEY,
  workspace_id text NOT NULL,
  journey_id text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_by text NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  FOREIGN KEY (workspace_id, journey_id) REFERENCES journeys (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX share_links_journey_idx ON share_links (workspace_id, journey_id);

-- Who did what: sign-ins and failures, membership and role changes, exports, share links, tokens.
CREATE TABLE audit_events (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id text,
  actor_id text,
  action text NOT NULL,
  target text,
  detail jsonb,
  ip text,
  at timestamptz NOT NULL
);
CREATE INDEX audit_events_workspace_idx ON audit_events (workspace_id, seq DESC);

CREATE TABLE settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL
);
