CREATE TABLE IF NOT EXISTS "ormc_rebuild_book" (
  "id" INTEGER PRIMARY KEY NOT NULL,
  "rating" INTEGER NOT NULL DEFAULT 3
) STRICT;
INSERT INTO "ormc_rebuild_book" ("id", "rating") SELECT "id", "rating" FROM "book";
DROP TABLE IF EXISTS "book";
ALTER TABLE "ormc_rebuild_book" RENAME TO "book";
