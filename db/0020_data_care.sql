-- Data care that reaches every copy and can always be finished.
--
-- member_former_name: the names a member had before a rename, so that erasing them reaches a backup taken under
-- an old name, and the anonymised summary redacts old names too. Deleted with the member (ON DELETE CASCADE).
CREATE TABLE member_former_name (
    id INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,
    display_name TEXT NOT NULL,
    replaced_at TEXT NOT NULL
);
CREATE INDEX member_former_name_member ON member_former_name (member_id);
CREATE TRIGGER member_renamed AFTER UPDATE OF display_name ON member
WHEN old.name_key <> new.name_key
BEGIN
    INSERT INTO member_former_name (member_id, display_name, replaced_at)
    VALUES (old.id, old.display_name, strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now'));
END;

-- The redaction list of erased members: salted SHA-256 digests of each whole name (whole = 1) and of each part of
-- it (whole = 0), never a name. The salt is the setting 'erasure_salt'.
CREATE TABLE erased_name (
    digest TEXT PRIMARY KEY,
    whole INTEGER NOT NULL CHECK (whole IN (0, 1))
);

-- An erasure or a retention that has started and not yet reached every copy (backups, quarantined files): a rerun,
-- or the next start, finishes it. An erasure names the member by identity (id, team, time created) and by the
-- digests of every name it had; a retention by its cut-off. ``detail`` holds the counts for the audit log.
CREATE TABLE pending_care (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('erase', 'retention')),
    member_id INTEGER,
    team_id INTEGER,
    member_created_at TEXT,
    name_digests TEXT NOT NULL DEFAULT '',
    cutoff TEXT,
    detail TEXT NOT NULL DEFAULT '',
    started_at TEXT NOT NULL,
    CHECK ((kind = 'erase' AND member_id IS NOT NULL AND team_id IS NOT NULL AND member_created_at IS NOT NULL)
        OR (kind = 'retention' AND cutoff IS NOT NULL))
);
