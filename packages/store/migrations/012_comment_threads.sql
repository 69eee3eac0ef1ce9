-- Comment threads (issue 11 item 5, decision 0018). A comment with no parent starts a thread on a step or a
-- card; a reply names the thread's first comment as its parent (one level: a reply to a reply joins the same
-- thread) and copies its target. Whether a thread is resolved stays on its first comment.
ALTER TABLE comments ADD COLUMN parent_id text REFERENCES comments (id) ON DELETE CASCADE;
CREATE INDEX comments_parent_idx ON comments (parent_id, created_at) WHERE parent_id IS NOT NULL;

-- The workspace members a comment mentions, by id (the text keeps "@Name" for reading; the ids decide who is
-- told). Only members who can read the journey are accepted, which the API checks.
CREATE TABLE comment_mentions (
  comment_id text NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  workspace_id text NOT NULL,
  -- the order they were named in
  n smallint NOT NULL,
  PRIMARY KEY (comment_id, user_id)
);
CREATE INDEX comment_mentions_user_idx ON comment_mentions (workspace_id, user_id);

-- When each person last saw a thread: what came after is new in their "things to look at".
CREATE TABLE comment_thread_reads (
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  thread_id text NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
  seen_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, thread_id)
);
