DROP INDEX IF EXISTS "idx_book_year";
CREATE INDEX IF NOT EXISTS "idx_book_title" ON "book" ("title");
