CREATE TABLE IF NOT EXISTS "ormc_rebuild_book" (
  "id" INTEGER PRIMARY KEY NOT NULL,
  "shelf_id" INTEGER NOT NULL
) STRICT;
INSERT INTO "ormc_rebuild_book" ("id", "shelf_id") SELECT "id", "shelf_id" FROM "book";
DROP TABLE IF EXISTS "book";
ALTER TABLE "ormc_rebuild_book" RENAME TO "book";
