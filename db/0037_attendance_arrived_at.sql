-- When someone was marked present after the session had started (a latecomer, or a guest added on the spot): NULL for
-- everyone present from the start (and for every attendance recorded before arrivals were kept). The participation
-- tiles put latecomers after the others in the order they came, so a resumed session keeps every number key, and a
-- latecomer counts as quiet only from when they came. Like left_at, it lives on its attendance row, so erasing the
-- member, deleting old sessions and discarding a session take it with that row, in the database and in every copy.
ALTER TABLE attendance ADD COLUMN arrived_at TEXT;
