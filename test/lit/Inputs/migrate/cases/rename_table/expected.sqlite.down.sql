ALTER TABLE "volume" RENAME TO "book";
DROP INDEX IF EXISTS "idx_volume_title";
CREATE INDEX IF NOT EXISTS "idx_book_title" ON "book" ("title");
