-- When each series was paused and resumed, so a past quarter counts the sessions its calendar held then: a pause
-- takes the series' dates off the calendar from that moment until it is resumed, and the dates before it stay
-- scheduled. A series paused before pauses were kept has no known start (paused_at NULL): its pause counts from
-- the beginning, as every count did before.
CREATE TABLE series_pause (
    id INTEGER PRIMARY KEY,
    series_id INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
    paused_at TEXT,
    resumed_at TEXT
);
CREATE INDEX series_pause_series ON series_pause (series_id);
INSERT INTO series_pause (series_id, paused_at, resumed_at) SELECT id, NULL, NULL FROM series WHERE active = 0;
