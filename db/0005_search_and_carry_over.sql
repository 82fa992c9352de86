-- Full-text search over what the team said, and indexes for carrying actions between sessions.
--
-- The FTS5 tables and triggers have exactly the shape sqlite-utils' enable_fts(create_triggers=True) makes
-- (external content, rowid = the row's id, triggers <table>_ai / _ad / _au), so Table.detect_fts() finds them
-- and Table.search() works. The porter tokenizer lets "delays" match "delay" and "assessments" "assessment",
-- which is how the same issue comes back in other words.

CREATE VIRTUAL TABLE "issue_fts" USING FTS5 (
    "title",
    tokenize='porter',
    content="issue"
);
INSERT INTO "issue_fts" (rowid, "title") SELECT rowid, "title" FROM "issue";
CREATE TRIGGER "issue_ai" AFTER INSERT ON "issue" BEGIN
  INSERT INTO "issue_fts" (rowid, "title") VALUES (new.rowid, new."title");
END;
CREATE TRIGGER "issue_ad" AFTER DELETE ON "issue" BEGIN
  INSERT INTO "issue_fts" ("issue_fts", rowid, "title") VALUES('delete', old.rowid, old."title");
END;
CREATE TRIGGER "issue_au" AFTER UPDATE ON "issue" BEGIN
  INSERT INTO "issue_fts" ("issue_fts", rowid, "title") VALUES('delete', old.rowid, old."title");
  INSERT INTO "issue_fts" (rowid, "title") VALUES (new.rowid, new."title");
END;

CREATE VIRTUAL TABLE "issue_mention_fts" USING FTS5 (
    "text",
    tokenize='porter',
    content="issue_mention"
);
INSERT INTO "issue_mention_fts" (rowid, "text") SELECT rowid, "text" FROM "issue_mention";
CREATE TRIGGER "issue_mention_ai" AFTER INSERT ON "issue_mention" BEGIN
  INSERT INTO "issue_mention_fts" (rowid, "text") VALUES (new.rowid, new."text");
END;
CREATE TRIGGER "issue_mention_ad" AFTER DELETE ON "issue_mention" BEGIN
  INSERT INTO "issue_mention_fts" ("issue_mention_fts", rowid, "text") VALUES('delete', old.rowid, old."text");
END;
CREATE TRIGGER "issue_mention_au" AFTER UPDATE ON "issue_mention" BEGIN
  INSERT INTO "issue_mention_fts" ("issue_mention_fts", rowid, "text") VALUES('delete', old.rowid, old."text");
  INSERT INTO "issue_mention_fts" (rowid, "text") VALUES (new.rowid, new."text");
END;

CREATE VIRTUAL TABLE "note_fts" USING FTS5 (
    "text",
    tokenize='porter',
    content="note"
);
INSERT INTO "note_fts" (rowid, "text") SELECT rowid, "text" FROM "note";
CREATE TRIGGER "note_ai" AFTER INSERT ON "note" BEGIN
  INSERT INTO "note_fts" (rowid, "text") VALUES (new.rowid, new."text");
END;
CREATE TRIGGER "note_ad" AFTER DELETE ON "note" BEGIN
  INSERT INTO "note_fts" ("note_fts", rowid, "text") VALUES('delete', old.rowid, old."text");
END;
CREATE TRIGGER "note_au" AFTER UPDATE ON "note" BEGIN
  INSERT INTO "note_fts" ("note_fts", rowid, "text") VALUES('delete', old.rowid, old."text");
  INSERT INTO "note_fts" (rowid, "text") VALUES (new.rowid, new."text");
END;

-- Follow-up lists join actions to the session that agreed them, and count carries per action.
CREATE INDEX action_origin_session ON action (origin_session_id);
CREATE INDEX action_review_action ON action_review (action_id, outcome);
CREATE INDEX escalation_status ON escalation (status);
CREATE INDEX session_team_status ON session (team_id, status);
