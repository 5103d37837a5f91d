ALTER TABLE "book" RENAME TO "volume";
DROP INDEX IF EXISTS "idx_book_title";
CREATE INDEX IF NOT EXISTS "idx_volume_title" ON "volume" ("title");
