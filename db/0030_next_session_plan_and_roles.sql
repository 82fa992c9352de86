-- The roles around the facilitator. The next session's plan, made in the Prepare view: who will present and when
-- they were asked, the kind of content (a planning point's key), a trigger-warning note with the support offered,
-- and a co-facilitator. One plan per team and session day ('YYYY-MM-DD'; '' while the team has no schedule); the
-- start dialog takes it as its defaults. A started session keeps what was chosen, so the record names the
-- co-facilitator and the quarter can tell which formats the team has used. People are member ids only: erasing a
-- member clears them (ON DELETE SET NULL).
CREATE TABLE session_plan (
    team_id INTEGER NOT NULL REFERENCES team(id) ON DELETE CASCADE,
    session_day TEXT NOT NULL DEFAULT '',
    presenter_id INTEGER REFERENCES member(id) ON DELETE SET NULL,
    presenter_asked_on TEXT,
    content_format TEXT,
    trigger_warning TEXT,
    support TEXT,
    co_facilitator_id INTEGER REFERENCES member(id) ON DELETE SET NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (team_id, session_day)
);

ALTER TABLE session ADD COLUMN co_facilitator_id INTEGER REFERENCES member(id) ON DELETE SET NULL;
ALTER TABLE session ADD COLUMN content_format TEXT;
ALTER TABLE session ADD COLUMN trigger_warning TEXT;
ALTER TABLE session ADD COLUMN support_offered TEXT;
