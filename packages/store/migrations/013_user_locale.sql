-- The language each person chose for Waymark's interface (issue 11 item 10, decision 0017): 'en' or 'cy', or
-- null while they have not chosen (their browser's languages decide). Kept on the account so the choice follows
-- them to another browser; a guest has no account and chooses per browser only.
ALTER TABLE users ADD COLUMN locale text CHECK (locale IN ('en', 'cy'));
