CREATE TABLE IF NOT EXISTS "ormc_rebuild_book" (
  "id" INTEGER PRIMARY KEY NOT NULL,
  "title" TEXT NOT NULL,
  "aisle" TEXT,
  "slot" INTEGER
) STRICT;
INSERT INTO "ormc_rebuild_book" ("id", "title", "aisle", "slot") SELECT "id", "title", "aisle", "slot" FROM "book";
DROP TABLE IF EXISTS "book";
ALTER TABLE "ormc_rebuild_book" RENAME TO "book";
