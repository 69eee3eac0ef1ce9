-- A journey's whole document is written only at checkpoints (creation, restore, import, and every few versions);
-- between them a write stores just its commands, and reading replays them on the checkpoint. This keeps a
-- write small however large the journey is. document_version is the version `document` holds.
ALTER TABLE journeys ADD COLUMN document_version integer;
UPDATE journeys SET document_version = version;
ALTER TABLE journeys ALTER COLUMN document_version SET NOT NULL;
