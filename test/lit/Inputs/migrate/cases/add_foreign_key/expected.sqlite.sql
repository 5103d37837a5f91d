CREATE TABLE IF NOT EXISTS "ormc_rebuild_book" (
  "id" INTEGER PRIMARY KEY NOT NULL,
  "title" TEXT NOT NULL,
  "shelf_id" INTEGER,
  CONSTRAINT "fk_book_shelf_id" FOREIGN KEY ("shelf_id") REFERENCES "shelf" ("id")
) STRICT;
INSERT INTO "ormc_rebuild_book" ("id", "title") SELECT "id", "title" FROM "book";
DROP TABLE IF EXISTS "book";
ALTER TABLE "ormc_rebuild_book" RENAME TO "book";
CREATE INDEX IF NOT EXISTS "idx_book_shelf_id" ON "book" ("shelf_id");
