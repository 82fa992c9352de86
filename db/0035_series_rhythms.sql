-- Each rhythm a series had before it was changed, and when it was replaced, so a past quarter counts the sessions
-- its calendar held then: a changed day, week, time or session type (a skipped date or an added one-off too) takes
-- effect from the moment it is saved, and the dates before it stay as they were. A series changed before rhythms
-- were kept has no earlier rhythm here: its present one counts from the beginning, as every count did before.
CREATE TABLE series_rhythm (
    id INTEGER PRIMARY KEY,
    series_id INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    rule TEXT NOT NULL,
    replaced_at TEXT NOT NULL
);
CREATE INDEX series_rhythm_series ON series_rhythm (series_id);
