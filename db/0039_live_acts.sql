-- What Undo can take back in a live session, kept so that a session resumed after a restart takes back the same acts
-- in the order they were made. Until now that order was rebuilt from the acts' times, which are kept to the second:
-- a tick and a marker made in the same second were taken back tick first whatever their order, and someone taken off
-- the attendance as marked present by mistake left nothing behind, so Undo could not put them back after a restart.
--
-- Someone taken off a live session's attendance as marked present by mistake: who (a guest added for this session
-- alone leaves the team's roster with it, so only their name is kept, to add them again), and when they had come
-- (NULL: from the start). The row goes when Undo puts them back, and with the session.
CREATE TABLE attendance_taken_off (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    member_id INTEGER REFERENCES member(id) ON DELETE CASCADE,
    guest_name TEXT,
    arrived_at TEXT,
    CHECK ((member_id IS NULL) <> (guest_name IS NULL))
);
CREATE INDEX attendance_taken_off_session ON attendance_taken_off (session_id);
CREATE INDEX attendance_taken_off_member ON attendance_taken_off (member_id);

-- Each act of a live session, in the order made (its id): a tick (a contribution), a marker, someone leaving or coming
-- back (their spell away), or someone taken off (above). ``row_id`` is that row's id. An act goes when Undo takes it
-- back; all of a session's go when it ends, as Undo does then, and with it. Only ids: nothing here names anyone.
CREATE TABLE live_act (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    act TEXT NOT NULL CHECK (act IN ('tick', 'marker', 'left', 'back', 'taken-off')),
    row_id INTEGER NOT NULL
);
CREATE INDEX live_act_session ON live_act (session_id);
