-- Custom questions hold every field of a question-bank entry, so a deck exported from CoPDesk
-- imports back unchanged. Existing custom questions keep their rows; the new fields take the
-- defaults a deck entry without them would have.
ALTER TABLE custom_question ADD COLUMN kind TEXT NOT NULL DEFAULT 'question'
    CHECK (kind IN ('question', 'technique', 'tip'));
ALTER TABLE custom_question ADD COLUMN source TEXT NOT NULL DEFAULT 'Added by the facilitator';
ALTER TABLE custom_question ADD COLUMN funnel_level INTEGER
    CHECK (funnel_level IS NULL OR funnel_level BETWEEN 1 AND 3);
ALTER TABLE custom_question ADD COLUMN signals TEXT NOT NULL DEFAULT '';   -- comma-separated SignalKind values
ALTER TABLE custom_question ADD COLUMN signal_source TEXT;
ALTER TABLE custom_question ADD COLUMN derived_from TEXT;
ALTER TABLE custom_question ADD COLUMN note TEXT;

