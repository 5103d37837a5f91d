SET standard_conforming_strings = on;
SET LOCAL lock_timeout = '5s';
DROP INDEX IF EXISTS "idx_book_year";
CREATE INDEX IF NOT EXISTS "idx_book_title" ON "book" ("title");
