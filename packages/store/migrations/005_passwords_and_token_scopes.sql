-- Issue 9, items 10-12 (decision 0012). Keep within PostgreSQL 15.

-- One-time passwords (printed at first start, given by an owner): valid until one_time_until, used once
-- (one_time_used_at). A password the person chose has neither.
ALTER TABLE credentials ADD COLUMN one_time_until timestamptz;
ALTER TABLE credentials ADD COLUMN one_time_used_at timestamptz;

-- A session started with a one-time password may do nothing but set a new password.
ALTER TABLE sessions ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;

-- No more lock-out per account: it told strangers which emails have accounts and let anyone lock anyone out.
-- Sign-in attempts are throttled per email string, per address and per trusted browser instead (in memory).
ALTER TABLE users DROP COLUMN failed_sign_ins;
ALTER TABLE users DROP COLUMN locked_until;

-- What an API token may do. Existing tokens keep what they could do (read, write journeys), which no longer
-- includes membership, tokens or share links: those are for people signed in, never for tokens.
ALTER TABLE api_tokens
  ADD COLUMN scopes text[] NOT NULL DEFAULT ARRAY['read', 'journeys:write']::text[]
  CHECK (cardinality(scopes) >= 1 AND scopes <@ ARRAY['read', 'journeys:write', 'import']::text[]);
