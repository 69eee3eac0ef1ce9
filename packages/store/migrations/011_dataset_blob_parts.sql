-- A dataset's kept events and raw upload in parts of 256 KiB (issue 9 §3, decision 0010). Written as one value
-- of up to hundreds of megabytes, a blob kept the embedded database (which runs on the server's own thread)
-- busy for seconds, and every other request waited. Parts are written one statement each, then the dataset's
-- row is inserted naming them: until that short insert commits, nothing of the dataset is visible, so a
-- server stopped half-way leaves only parts that no row names (swept after a day). Parts are read one or a
-- few at a time for the same reason. Deleting a dataset, or forgetting its raw upload, deletes its parts.
CREATE TABLE dataset_blob_parts (
  blob_id text NOT NULL,
  n integer NOT NULL CHECK (n >= 0),
  bytes bytea NOT NULL,
  written_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (blob_id, n)
);

ALTER TABLE datasets ADD COLUMN events_parts text, ADD COLUMN raw_parts text;
UPDATE datasets SET events_parts = 'e-' || gen_random_uuid()::text;
UPDATE datasets SET raw_parts = 'r-' || gen_random_uuid()::text WHERE raw IS NOT NULL;
INSERT INTO dataset_blob_parts (blob_id, n, bytes)
  SELECT d.events_parts, g.n, substring(d.events_blob FROM g.n * 262144 + 1 FOR 262144)
  FROM datasets d, generate_series(0, greatest(0, (length(d.events_blob) - 1) / 262144)) AS g(n);
INSERT INTO dataset_blob_parts (blob_id, n, bytes)
  SELECT d.raw_parts, g.n, substring(d.raw FROM g.n * 262144 + 1 FOR 262144)
  FROM datasets d, generate_series(0, greatest(0, (length(d.raw) - 1) / 262144)) AS g(n)
  WHERE d.raw IS NOT NULL;
ALTER TABLE datasets DROP COLUMN events_blob, DROP COLUMN raw;
ALTER TABLE datasets ALTER COLUMN events_parts SET NOT NULL;
CREATE UNIQUE INDEX datasets_events_parts ON datasets (events_parts);
CREATE UNIQUE INDEX datasets_raw_parts ON datasets (raw_parts) WHERE raw_parts IS NOT NULL;

CREATE FUNCTION waymark_dataset_parts_release() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM dataset_blob_parts WHERE blob_id IN (OLD.events_parts, OLD.raw_parts);
  ELSE
    IF OLD.raw_parts IS DISTINCT FROM NEW.raw_parts AND OLD.raw_parts IS NOT NULL THEN
      DELETE FROM dataset_blob_parts WHERE blob_id = OLD.raw_parts;
    END IF;
    IF OLD.events_parts IS DISTINCT FROM NEW.events_parts THEN
      DELETE FROM dataset_blob_parts WHERE blob_id = OLD.events_parts;
    END IF;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER datasets_release_parts AFTER DELETE OR UPDATE OF events_parts, raw_parts ON datasets
  FOR EACH ROW EXECUTE FUNCTION waymark_dataset_parts_release();
