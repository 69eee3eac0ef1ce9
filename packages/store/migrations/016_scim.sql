-- Issue 12, item 2 (decision 0026): provisioning by SCIM 2.0 (RFC 7643/7644), as Microsoft Entra ID calls it.
-- One directory provisions the whole instance, so the bearer token is the instance's, not a workspace's.
-- Keep within PostgreSQL 15.

-- The provisioning token: only its hash is kept; at most one works at a time (a new one replaces it).
CREATE TABLE scim_tokens (
  id text PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  created_by text REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE UNIQUE INDEX scim_tokens_one_live_key ON scim_tokens ((true)) WHERE revoked_at IS NULL;

-- A person the directory provisions: the users row is theirs as any person's; this is what the directory knows.
-- Deleting the SCIM user removes this row (the person's account and history stay, suspended).
CREATE TABLE scim_users (
  user_id text PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  user_name text NOT NULL,
  external_id text,
  given_name text,
  family_name text,
  display_name text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX scim_users_user_name_key ON scim_users (lower(user_name));
CREATE UNIQUE INDEX scim_users_external_id_key ON scim_users (external_id) WHERE external_id IS NOT NULL;

CREATE TABLE scim_groups (
  id text PRIMARY KEY,
  display_name text NOT NULL,
  external_id text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX scim_groups_display_name_idx ON scim_groups (lower(display_name));
CREATE UNIQUE INDEX scim_groups_external_id_key ON scim_groups (external_id) WHERE external_id IS NOT NULL;

CREATE TABLE scim_group_members (
  group_id text NOT NULL REFERENCES scim_groups (id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (group_id, user_id)
);
CREATE INDEX scim_group_members_user_idx ON scim_group_members (user_id);

-- Members of a group get this role in this workspace (the highest, when several groups name one workspace).
CREATE TABLE scim_group_roles (
  group_id text NOT NULL REFERENCES scim_groups (id) ON DELETE CASCADE,
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('owner', 'editor', 'commenter', 'viewer')),
  PRIMARY KEY (group_id, workspace_id)
);

-- The memberships provisioning made: it changes and removes only these, never one an owner made by hand.
CREATE TABLE scim_role_grants (
  workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('owner', 'editor', 'commenter', 'viewer')),
  PRIMARY KEY (workspace_id, user_id)
);
