-- When someone left a session before its end: NULL for everyone who stayed (and for every attendance recorded before
-- leaving was kept). A time is not personal on its own; it lives on its attendance row, so erasing the member,
-- deleting old sessions and discarding a session take it with that row, in the database and in every copy.
ALTER TABLE attendance ADD COLUMN left_at TEXT;
