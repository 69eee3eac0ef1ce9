-- Guests from other organisations (issue 10 item 4, decision 0015): a workshop link lets a named person
-- without an account join one map as an editor or commenter until the link expires. Only a hash of the link's
-- token and of each guest's session is stored: a copy of the database lets nobody in. Keep within
-- PostgreSQL 15.
CREATE TABLE guest_links (
  id text PRIMARY KEY,
  workspace_id text NOT NULL,
  journey_id text NOT NULL,
  role text NOT NULL CHECK (role IN ('editor', 'commenter')),
  token_hash text NOT NULL UNIQUE,
  created_by text NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  revoked_by text REFERENCES users (id),
  FOREIGN KEY (workspace_id, journey_id) REFERENCES journeys (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX guest_links_journey_idx ON guest_links (workspace_id, journey_id);

-- Each guest is also a row of `users` (same id, an address that cannot receive mail, no credentials, no
-- membership), so their edits and comments are attributed to "Name (guest, Organisation)" like anyone's.
CREATE TABLE guests (
  id text PRIMARY KEY REFERENCES users (id),
  link_id text NOT NULL REFERENCES guest_links (id) ON DELETE CASCADE,
  name text NOT NULL,
  organisation text,
  session_hash text NOT NULL UNIQUE,
  csrf_token text NOT NULL,
  joined_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  removed_at timestamptz,
  removed_by text REFERENCES users (id)
);
CREATE INDEX guests_link_idx ON guests (link_id, joined_at);
