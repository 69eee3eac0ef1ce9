-- Issue 12, item 3 (decision 0025): instance administrators, suspended people, archived workspaces, API tokens
-- that expire and say when they were last used, and sessions a person can list and end one by one.
-- Keep within PostgreSQL 15.

-- An instance administrator creates, renames and archives workspaces. The account made at first start is one;
-- for a database made before this migration, the earliest person.
ALTER TABLE users ADD COLUMN instance_admin boolean NOT NULL DEFAULT false;
UPDATE users SET instance_admin = true
  WHERE id = (SELECT id FROM users ORDER BY created_at, id LIMIT 1);

-- A suspended person (by an administrator or by provisioning, SCIM active=false) cannot sign in, and their
-- sessions and API tokens stop working at once.
ALTER TABLE users ADD COLUMN suspended_at timestamptz;

-- An archived workspace is hidden from its members' lists and read-only to anyone who reaches it.
ALTER TABLE workspaces ADD COLUMN archived_at timestamptz;

-- A token may expire; last_used_at is when it last authenticated a request (to the minute).
ALTER TABLE api_tokens ADD COLUMN expires_at timestamptz;
ALTER TABLE api_tokens ADD COLUMN last_used_at timestamptz;

-- Each session gets an id a person may see (the token hash stays private) and the browser that started it.
ALTER TABLE sessions ADD COLUMN id text NOT NULL DEFAULT gen_random_uuid()::text;
ALTER TABLE sessions ADD COLUMN user_agent text;
CREATE UNIQUE INDEX sessions_id_key ON sessions (id);

-- The audit trail is filtered by person and date within a workspace.
CREATE INDEX audit_events_actor_idx ON audit_events (workspace_id, actor_id, seq DESC);
