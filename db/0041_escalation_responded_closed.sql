-- When each escalation was responded to and when it was closed (UTC, the moment it was recorded in CoPDesk), so that a
-- past quarter's report says the status it had at the quarter's end, not the one it has when the report is run.
-- Each stays NULL until it happens.
--
-- The days were not kept before: an escalation responded to or closed by then keeps NULL for both (no day is made
-- up), and ``undated_before`` says that whichever it was happened before this moment, on a day not kept. A report on a
-- quarter that ended before it says its status then is not known. One awaiting a response has nothing to record yet.
ALTER TABLE escalation ADD COLUMN responded_at TEXT;
ALTER TABLE escalation ADD COLUMN closed_at TEXT;
ALTER TABLE escalation ADD COLUMN undated_before TEXT;
UPDATE escalation SET undated_before = strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now') WHERE status <> 'awaiting';
