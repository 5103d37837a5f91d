SET standard_conforming_strings = on;
SET LOCAL lock_timeout = '5s';
DROP INDEX IF EXISTS "idx_book_title";
-- ormc:online-steps: each step below runs after the statements above commit, outside a transaction; migrate() records each step it finishes and resumes from the first unfinished one
-- step 1
DROP INDEX CONCURRENTLY IF EXISTS "idx_book_year";
CREATE INDEX CONCURRENTLY "idx_book_year" ON "book" ("year");
