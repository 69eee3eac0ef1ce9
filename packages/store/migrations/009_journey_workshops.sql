-- Workshop facilitation (issue 10 item 3, decision 0014): one workshop state per journey, beside the journey
-- and not in it (who facilitates, follow-the-facilitator, the structure lock, the timer, voting, groups).
-- Every server process on the same database serves the same workshop: each change bumps `revision` and is
-- announced on the channel `waymark_workshop` when its transaction commits (the payload names the schema,
-- the workspace, the journey and the revision; listeners read the state from this table).
CREATE TABLE journey_workshops (
  workspace_id text NOT NULL,
  journey_id text NOT NULL,
  state jsonb NOT NULL,
  revision integer NOT NULL CHECK (revision >= 1),
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, journey_id),
  FOREIGN KEY (workspace_id, journey_id) REFERENCES journeys (workspace_id, id) ON DELETE CASCADE
);

CREATE FUNCTION waymark_workshop_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('waymark_workshop', json_build_object(
    's', current_schema(), 'w', NEW.workspace_id, 'j', NEW.journey_id, 'r', NEW.revision)::text);
  RETURN NULL;
END;
$$;

CREATE TRIGGER journey_workshops_notify AFTER INSERT OR UPDATE ON journey_workshops
  FOR EACH ROW EXECUTE FUNCTION waymark_workshop_notify();
