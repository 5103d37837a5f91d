SET standard_conforming_strings = on;
SET LOCAL lock_timeout = '5s';
ALTER TABLE "book" ADD CONSTRAINT "fk_book_aisle_slot" FOREIGN KEY ("aisle", "slot") REFERENCES "shelf" ("aisle", "slot") ON DELETE SET NULL NOT VALID;
-- ormc:online-steps: each step below runs after the statements above commit, outside a transaction; migrate() records each step it finishes and resumes from the first unfinished one
-- step 1
ALTER TABLE "book" VALIDATE CONSTRAINT "fk_book_aisle_slot";
-- step 2
DROP INDEX CONCURRENTLY IF EXISTS "idx_book_aisle_slot";
CREATE INDEX CONCURRENTLY "idx_book_aisle_slot" ON "book" ("aisle", "slot");
