-- The history of links between journeys (issue 14, items 1 and 2; decision 0040): each step link, child link
-- and opportunity link added or removed, recorded for every journey it touches, so the journey's history shows
-- who linked or unlinked what and when, as it shows edits. Links live beside the journeys (decision 0034), so
-- adding one makes no new journey version; this is its trail. Keep within PostgreSQL 15.
CREATE TABLE journey_link_history (
  workspace_id text NOT NULL,
  journey_id text NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  at timestamptz NOT NULL,
  by_id text REFERENCES users (id) ON DELETE SET NULL,
  action text NOT NULL CHECK (action IN ('added', 'removed')),
  link text NOT NULL CHECK (link IN ('step-link', 'child', 'opportunity')),
  -- What the link was, as it was: {fromJourneyId, fromStepId, toJourneyId, toStepId, label} for a step link,
  -- {parentJourneyId, parentStepId, childJourneyId} for a child, {opportunityId, title, kind, target} for an
  -- opportunity link. Names as they were: the trail stays readable after the other side is gone.
  detail jsonb NOT NULL,
  PRIMARY KEY (workspace_id, journey_id, seq),
  FOREIGN KEY (workspace_id, journey_id) REFERENCES journeys (workspace_id, id) ON DELETE CASCADE
);
