-- Feedback and the facilitator's self-assessment. Feedback is anonymous: two answers the facilitator types in at
-- the end of a session (how useful, one thing to change), with no member column, like the engagement markers.
-- The self-assessment is the facilitator's own words for a quarter, one text per heading (the heading keys are
-- in resources/prompts/self_assessment.toml).
CREATE TABLE session_feedback (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    usefulness INTEGER CHECK (usefulness IS NULL OR usefulness BETWEEN 1 AND 5),
    to_change TEXT,
    created_at TEXT NOT NULL,
    CHECK (usefulness IS NOT NULL OR to_change IS NOT NULL)
);
CREATE INDEX session_feedback_session ON session_feedback (session_id);

CREATE TABLE self_assessment (
    team_id INTEGER NOT NULL REFERENCES team(id) ON DELETE CASCADE,
    quarter TEXT NOT NULL,
    heading TEXT NOT NULL,
    text TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (team_id, quarter, heading)
);
