-- Summaries kept up to date (issue 14 item 3; decision 0039). A summary is computed from a journey version by
-- one format of the API's summary code: when that code changes what it keeps (format 2 keeps each step's
-- contacts by channel, so the cost per journey can be worked out with the workspace's own cost model), older
-- summaries are stale even though their journey is not, and the server recomputes them in the background at
-- start. Rows written before this migration are format 1. Keep within PostgreSQL 15.
ALTER TABLE journey_summaries ADD COLUMN format integer NOT NULL DEFAULT 1 CHECK (format >= 1);

-- The summary's detail (format 2: each step's cost inputs) apart from its figures: the portfolio lists every
-- journey's figures on each request, and reads the larger detail only when a journey's version is new to it.
ALTER TABLE journey_summaries ADD COLUMN detail jsonb;
