-- Issue 12, item 1 (decision 0029): sign-in through the organisation's OpenID Connect provider.
-- The provider's settings live in the settings table ('sso.config'); a person's provider and subject are a
-- row of credentials (provider 'oidc:' || issuer, subject = sub), as migration 001 planned.
-- Keep within PostgreSQL 15.

-- A sign-in begun at the provider and not yet finished: the state's hash (the browser holds the state in a
-- cookie), the nonce and the PKCE code verifier. A row is taken once: a replayed or stale callback finds none.
CREATE TABLE sso_logins (
  state_hash text PRIMARY KEY,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  return_to text,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sso_logins_expires_idx ON sso_logins (expires_at);

-- When accounts are made only by invitation: who may sign in for the first time, and the role they get.
CREATE TABLE sso_invitations (
  id text PRIMARY KEY,
  email text NOT NULL,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('owner', 'editor', 'commenter', 'viewer')),
  invited_by text REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  accepted_at timestamptz
);
CREATE UNIQUE INDEX sso_invitations_email_workspace_key ON sso_invitations (lower(email), workspace_id);
