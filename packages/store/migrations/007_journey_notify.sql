-- Live co-editing (issue 10, decision 0013): every new journey version is announced on the channel
-- `waymark_journeys`, so every server process on the same PostgreSQL hears of it, whichever process (or the
-- CLI, or a script) wrote it, and reads the new commands from journey_versions. The notification is sent only
-- when the transaction commits. The payload is small JSON (far under PostgreSQL's 8000-byte limit): the schema
-- (tests give each database a schema of their own), the workspace, the journey and the version.
CREATE FUNCTION waymark_journey_version_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('waymark_journeys', json_build_object(
    's', current_schema(), 'w', NEW.workspace_id, 'j', NEW.journey_id, 'v', NEW.version)::text);
  RETURN NULL;
END;
$$;

CREATE TRIGGER journey_versions_notify AFTER INSERT ON journey_versions
  FOR EACH ROW EXECUTE FUNCTION waymark_journey_version_notify();
