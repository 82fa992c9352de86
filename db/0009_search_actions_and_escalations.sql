-- Note search (Ctrl+F) reaches what was agreed and what came of escalations, not only notes and issues:
-- the text of every action, and the outcome of every escalation. Issue titles already have issue_fts (0005).
--
-- Same shape as 0005: external-content FTS5 tables kept in step by the triggers sqlite-utils'
-- enable_fts(create_triggers=True) makes, so Table.detect_fts() and Table.search() work, and the porter
-- tokenizer so "interpreters" finds "interpreter".

CREATE VIRTUAL TABLE "action_fts" USING FTS5 (
    "text",
    tokenize='porter',
    content="action"
);
INSERT INTO "action_fts" (rowid, "text") SELECT rowid, "text" FROM "action";
CREATE TRIGGER "action_ai" AFTER INSERT ON "action" BEGIN
  INSERT INTO "action_fts" (rowid, "text") VALUES (new.rowid, new."text");
END;
CREATE TRIGGER "action_ad" AFTER DELETE ON "action" BEGIN
  INSERT INTO "action_fts" ("action_fts", rowid, "text") VALUES('delete', old.rowid, old."text");
END;
CREATE TRIGGER "action_au" AFTER UPDATE ON "action" BEGIN
  INSERT INTO "action_fts" ("action_fts", rowid, "text") VALUES('delete', old.rowid, old."text");
  INSERT INTO "action_fts" (rowid, "text") VALUES (new.rowid, new."text");
END;

CREATE VIRTUAL TABLE "escalation_fts" USING FTS5 (
    "outcome",
    tokenize='porter',
    content="escalation"
);
INSERT INTO "escalation_fts" (rowid, "outcome") SELECT rowid, "outcome" FROM "escalation";
CREATE TRIGGER "escalation_ai" AFTER INSERT ON "escalation" BEGIN
  INSERT INTO "escalation_fts" (rowid, "outcome") VALUES (new.rowid, new."outcome");
END;
CREATE TRIGGER "escalation_ad" AFTER DELETE ON "escalation" BEGIN
  INSERT INTO "escalation_fts" ("escalation_fts", rowid, "outcome") VALUES('delete', old.rowid, old."outcome");
END;
CREATE TRIGGER "escalation_au" AFTER UPDATE ON "escalation" BEGIN
  INSERT INTO "escalation_fts" ("escalation_fts", rowid, "outcome") VALUES('delete', old.rowid, old."outcome");
  INSERT INTO "escalation_fts" (rowid, "outcome") VALUES (new.rowid, new."outcome");
END;
