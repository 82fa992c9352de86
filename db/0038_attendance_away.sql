-- Each spell someone marked present spent away from a session: when they left, and when they came back (NULL while
-- they are away, and for someone who was still away when it ended). Stepping out at 10:20 and coming back at 10:45
-- is one spell; leaving again later is another, so no time away is lost or overwritten, and CPD minutes leave out
-- every spell. A spell hangs off its attendance row: erasing the member, deleting old sessions and discarding a
-- session remove it with that row, in the database and in every copy.
CREATE TABLE attendance_away (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL,
    member_id INTEGER NOT NULL,
    left_at TEXT NOT NULL,
    back_at TEXT CHECK (back_at IS NULL OR back_at >= left_at),
    FOREIGN KEY (session_id, member_id) REFERENCES attendance (session_id, member_id) ON DELETE CASCADE
);
CREATE INDEX attendance_away_attendance ON attendance_away (session_id, member_id);
-- Away once at a time: at most one spell of each attendance is still open.
CREATE UNIQUE INDEX attendance_away_open ON attendance_away (session_id, member_id) WHERE back_at IS NULL;

-- Schemas 36 and 37 kept one time of leaving on the attendance row, and nobody it names came back: each is a spell still
-- open. The spells are the one place time away is kept from now on, so the column goes.
INSERT INTO attendance_away (session_id, member_id, left_at)
SELECT session_id, member_id, left_at FROM attendance WHERE left_at IS NOT NULL ORDER BY session_id, member_id;
ALTER TABLE attendance DROP COLUMN left_at;
