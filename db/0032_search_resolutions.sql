-- Note search (Ctrl+F) reaches how each issue was resolved, so a resolution can be found and corrected like the
-- other words of the record (a typo, or a name left after a member's data is erased). An issue's title has
-- issue_fts (0005); its resolution, NULL until it is resolved, has its own index on the same table.
--
-- Same shape as 0005 and 0009: an external-content FTS5 table with the porter tokenizer, kept in step by triggers.
-- issue_fts, made first, stays the table sqlite-utils' Table.detect_fts() finds for "issue".

CREATE VIRTUAL TABLE "issue_resolution_fts" USING FTS5 (
    "resolution",
    tokenize='porter',
    content="issue"
);
INSERT INTO "issue_resolution_fts" (rowid, "resolution") SELECT rowid, "resolution" FROM "issue";
CREATE TRIGGER "issue_resolution_ai" AFTER INSERT ON "issue" BEGIN
  INSERT INTO "issue_resolution_fts" (rowid, "resolution") VALUES (new.rowid, new."resolution");
END;
CREATE TRIGGER "issue_resolution_ad" AFTER DELETE ON "issue" BEGIN
  INSERT INTO "issue_resolution_fts" ("issue_resolution_fts", rowid, "resolution")
  VALUES('delete', old.rowid, old."resolution");
END;
CREATE TRIGGER "issue_resolution_au" AFTER UPDATE ON "issue" BEGIN
  INSERT INTO "issue_resolution_fts" ("issue_resolution_fts", rowid, "resolution")
  VALUES('delete', old.rowid, old."resolution");
  INSERT INTO "issue_resolution_fts" (rowid, "resolution") VALUES (new.rowid, new."resolution");
END;
