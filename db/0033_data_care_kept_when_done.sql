-- Data care is kept once it is done, not deleted: a restore of a copy taken before an erasure or a retention (one
-- kept outside CoPDesk's folders, which no erasure reaches) takes these rows with it as pending again, so the
-- erasure or retention is applied to the restored data too. Names stay salted digests, as in 0020.
ALTER TABLE pending_care ADD COLUMN finished_at TEXT;
