CREATE TABLE IF NOT EXISTS "ormc_rebuild_book" (
  "id" INTEGER PRIMARY KEY NOT NULL,
  "pages" INTEGER
) STRICT;
INSERT INTO "ormc_rebuild_book" ("id", "pages") SELECT "id", "pages" FROM "book";
DROP TABLE IF EXISTS "book";
ALTER TABLE "ormc_rebuild_book" RENAME TO "book";
