-- How long each earlier rhythm's sessions lasted, so a series whose length is changed keeps the length of the
-- meetings already held, in its invitations and its figures, and the change takes effect from the moment it is saved.
-- A rhythm kept before lengths were has the length its series has now: the one every invitation gave it until now.
ALTER TABLE series_rhythm ADD COLUMN duration_minutes INTEGER NOT NULL DEFAULT 60
    CHECK (duration_minutes BETWEEN 5 AND 480);
UPDATE series_rhythm SET duration_minutes = (SELECT s.duration_minutes FROM series s WHERE s.id = series_rhythm.series_id);
