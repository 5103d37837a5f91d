SET standard_conforming_strings = on;
SET LOCAL lock_timeout = '5s';
ALTER TABLE "book" ADD COLUMN "shelf_id" BIGINT;
ALTER TABLE "book" ADD CONSTRAINT "fk_book_shelf_id" FOREIGN KEY ("shelf_id") REFERENCES "shelf" ("id") NOT VALID;
-- ormc:online-steps: each step below runs after the statements above commit, outside a transaction; migrate() records each step it finishes and resumes from the first unfinished one
-- step 1
ALTER TABLE "book" VALIDATE CONSTRAINT "fk_book_shelf_id";
-- step 2
DROP INDEX CONCURRENTLY IF EXISTS "idx_book_shelf_id";
CREATE INDEX CONCURRENTLY "idx_book_shelf_id" ON "book" ("shelf_id");
