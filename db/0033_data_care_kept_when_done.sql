-- Data care is kept once it is done, not deleted. A restore of a copy taken before an erasure (one kept outside
-- CoPDesk's folders, which no erasure reaches) takes the erasures with it as pending again, so they are applied to
-- the restored data too; a deletion of old sessions is only named, for the facilitator to make again if they wish.
-- Names stay salted digests, as in 0020.
ALTER TABLE pending_care ADD COLUMN finished_at TEXT;
