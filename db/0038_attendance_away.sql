-- Each spell someone marked present spent away from a session: when they left, and when they came back (NULL while
-- they are away, and for someone who was still away when it ended). Stepping out at 10:20 and coming back at 10:45
-- is one spell; leaving again later is another, so no time away is lost or overwritten, and CPD minutes leave out
-- every spell. A spell hangs off its attendance row: erasing the member, deleting old sessions and discarding a
-- session remove it with that row, in the database and in every copy.
--
-- Schemas 36 and 37 kept one time of leaving on the attendance row, and nobody it names came back: each is a spell still
-- open. The spells are the one place time away is kept from now on, so the column goes: the attendance table is made
-- again without it, its rows copied, rather than with ALTER TABLE ... DROP COLUMN, which SQLite has only since 3.35
-- (the Python 3.11 of some Linux systems, RHEL 9's, has an older one, where CoPDesk could then open no database).
ALTER TABLE attendance RENAME TO attendance_before_38;
CREATE TABLE attendance (
    session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    member_id INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,
    arrived_at TEXT,
    PRIMARY KEY (session_id, member_id)
);
-- An attendance whose session or member is gone (deleted by hand, with foreign keys off) is read by nothing, and would
-- fail its foreign key here: it is left out, with its time of leaving.
INSERT INTO attendance (session_id, member_id, arrived_at)
SELECT session_id, member_id, arrived_at FROM attendance_before_38
WHERE session_id IN (SELECT id FROM session) AND member_id IN (SELECT id FROM member) ORDER BY session_id, member_id;

CREATE TABLE attendance_away (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL,
    member_id INTEGER NOT NULL,
    left_at TEXT NOT NULL,
    back_at TEXT CHECK (back_at IS NULL OR back_at >= left_at),
    FOREIGN KEY (session_id, member_id) REFERENCES attendance (session_id, member_id) ON DELETE CASCADE
);
INSERT INTO attendance_away (session_id, member_id, left_at)
SELECT session_id, member_id, left_at FROM attendance
JOIN attendance_before_38 USING (session_id, member_id) WHERE left_at IS NOT NULL ORDER BY session_id, member_id;

DROP TABLE attendance_before_38;
CREATE INDEX attendance_member ON attendance (member_id);
CREATE INDEX attendance_away_attendance ON attendance_away (session_id, member_id);
-- Away once at a time: at most one spell of each attendance is still open.
CREATE UNIQUE INDEX attendance_away_open ON attendance_away (session_id, member_id) WHERE back_at IS NULL;
