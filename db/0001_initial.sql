-- CoPDesk schema, version 1: the whole data sketch of DESIGN.md.
-- Times are UTC ISO-8601 text ('2026-10-08T09:30:00+00:00'); dates are 'YYYY-MM-DD'.
-- Later changes come as new numbered files; never edit a shipped migration.

CREATE TABLE team (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

CREATE TABLE member (
    id INTEGER PRIMARY KEY,
    team_id INTEGER NOT NULL REFERENCES team(id) ON DELETE CASCADE,
    display_name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('facilitator', 'co-facilitator', 'practitioner', 'student-asye', 'partner', 'guest')),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL,
    UNIQUE (team_id, name_key)
);

-- A recurring rhythm of sessions: rule is dateutil rrulestr text (DTSTART, RRULE, EXDATE, RDATE lines) in local time.
CREATE TABLE series (
    id INTEGER PRIMARY KEY,
    team_id INTEGER NOT NULL REFERENCES team(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('reflective', 'spotlight', 'themed', 'tm-ssw')),
    rule TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL DEFAULT 60 CHECK (duration_minutes BETWEEN 5 AND 480),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL
);

-- A team's own copy of an agenda template; absent means the shipped template for that kind.
CREATE TABLE agenda_template (
    id INTEGER PRIMARY KEY,
    team_id INTEGER NOT NULL REFERENCES team(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('reflective', 'spotlight', 'themed', 'tm-ssw')),
    title TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (team_id, kind)
);

CREATE TABLE agenda_template_segment (
    id INTEGER PRIMARY KEY,
    template_id INTEGER NOT NULL REFERENCES agenda_template(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    phase TEXT NOT NULL,
    planned_seconds INTEGER NOT NULL CHECK (planned_seconds > 0),
    UNIQUE (template_id, position)
);

CREATE TABLE session (
    id INTEGER PRIMARY KEY,
    team_id INTEGER NOT NULL REFERENCES team(id) ON DELETE CASCADE,
    series_id INTEGER REFERENCES series(id) ON DELETE SET NULL,
    kind TEXT NOT NULL CHECK (kind IN ('reflective', 'spotlight', 'themed', 'tm-ssw')),
    topic TEXT NOT NULL DEFAULT '',
    planned_start TEXT,
    started_at TEXT,
    ended_at TEXT,
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'live', 'ended')),
    presenter_id INTEGER REFERENCES member(id) ON DELETE SET NULL,
    ground_rules_agreed_at TEXT,
    timer_state TEXT,          -- JSON snapshot of the live timer, for resume after a crash
    last_saved_at TEXT,        -- heartbeat while live: "end it at the last saved time" uses it
    created_at TEXT NOT NULL
);
CREATE INDEX session_team_start ON session (team_id, planned_start);
CREATE INDEX session_status ON session (status);

CREATE TABLE segment (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    phase TEXT NOT NULL,
    planned_seconds INTEGER NOT NULL CHECK (planned_seconds > 0),
    actual_start TEXT,
    actual_end TEXT,
    actual_seconds REAL,
    UNIQUE (session_id, position)
);

CREATE TABLE attendance (
    session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    member_id INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,
    PRIMARY KEY (session_id, member_id)
);
CREATE INDEX attendance_member ON attendance (member_id);

CREATE TABLE contribution (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    member_id INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    duration_seconds REAL CHECK (duration_seconds IS NULL OR duration_seconds >= 0)
);
CREATE INDEX contribution_session ON contribution (session_id);
CREATE INDEX contribution_member ON contribution (member_id);

-- Markers describe the room, not a person: there is deliberately no member column.
CREATE TABLE marker (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('low-energy', 'tension', 'repeated-issue')),
    at TEXT NOT NULL
);
CREATE INDEX marker_session ON marker (session_id);

CREATE TABLE note (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('note', 'learning', 'parked')),
    text TEXT NOT NULL,
    destination TEXT CHECK (
        (kind = 'parked' AND destination IN ('qa-panels', 'mdt', 'team-meeting', 'supervision'))
        OR (kind <> 'parked' AND destination IS NULL)
    ),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX note_session ON note (session_id);

CREATE TABLE action (
    id INTEGER PRIMARY KEY,
    team_id INTEGER NOT NULL REFERENCES team(id) ON DELETE CASCADE,
    origin_session_id INTEGER REFERENCES session(id) ON DELETE SET NULL,
    text TEXT NOT NULL,
    owner_member_id INTEGER REFERENCES member(id) ON DELETE SET NULL,
    owner_name TEXT,
    due_date TEXT,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
    created_at TEXT NOT NULL,
    closed_at TEXT
);
CREATE INDEX action_team_status ON action (team_id, status);

CREATE TABLE action_review (
    id INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES action(id) ON DELETE CASCADE,
    session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    outcome TEXT NOT NULL CHECK (outcome IN ('carried', 'done', 'dropped', 'reassigned', 'redated')),
    detail TEXT,
    at TEXT NOT NULL
);
-- An action is carried (or closed) at most once per session, whatever the UI does.
CREATE UNIQUE INDEX action_review_once
    ON action_review (action_id, session_id) WHERE outcome IN ('carried', 'done', 'dropped');
CREATE INDEX action_review_session ON action_review (session_id);

CREATE TABLE issue (
    id INTEGER PRIMARY KEY,
    team_id INTEGER NOT NULL REFERENCES team(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'escalated', 'parked')),
    resolution TEXT,
    created_at TEXT NOT NULL,
    resolved_at TEXT
);
CREATE INDEX issue_team_status ON issue (team_id, status);

CREATE TABLE issue_mention (
    id INTEGER PRIMARY KEY,
    issue_id INTEGER NOT NULL REFERENCES issue(id) ON DELETE CASCADE,
    session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    text TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL
);
CREATE INDEX issue_mention_issue ON issue_mention (issue_id);
CREATE INDEX issue_mention_session ON issue_mention (session_id);

CREATE TABLE escalation (
    id INTEGER PRIMARY KEY,
    issue_id INTEGER NOT NULL REFERENCES issue(id) ON DELETE CASCADE,
    target TEXT NOT NULL CHECK (target IN ('practice-supervisor', 'manager', 'my-views')),
    raised_on TEXT NOT NULL,
    response_due TEXT,
    status TEXT NOT NULL DEFAULT 'awaiting' CHECK (status IN ('awaiting', 'responded', 'closed')),
    outcome TEXT,
    session_id INTEGER REFERENCES session(id) ON DELETE SET NULL
);
CREATE INDEX escalation_issue ON escalation (issue_id);

CREATE TABLE question_asked (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    question_key TEXT NOT NULL,   -- a bank id, or 'custom:<uid>'
    category TEXT NOT NULL,
    text TEXT NOT NULL,           -- as shown, so the record survives bank edits
    segment_position INTEGER,
    at TEXT NOT NULL
);
CREATE INDEX question_asked_session ON question_asked (session_id);

CREATE TABLE custom_question (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    team_id INTEGER REFERENCES team(id) ON DELETE CASCADE,
    category TEXT NOT NULL,
    model TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    phases TEXT NOT NULL DEFAULT '',   -- comma-separated: clarifying, exploring, closing
    caution TEXT,
    hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE favourite (
    question_key TEXT PRIMARY KEY,
    created_at TEXT NOT NULL
);

-- Metadata only (what happened to which record), never note text.
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    event TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id INTEGER,
    detail TEXT
);

CREATE TABLE setting (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
