DROP INDEX IF EXISTS "idx_book_title";
CREATE INDEX IF NOT EXISTS "idx_book_year" ON "book" ("year");
