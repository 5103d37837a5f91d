SET standard_conforming_strings = on;
SET LOCAL lock_timeout = '5s';
UPDATE "book" SET "pages" = 0 WHERE "pages" IS NULL;
ALTER TABLE "book" ALTER COLUMN "pages" SET DEFAULT 0;
ALTER TABLE "book" ADD CONSTRAINT "book_pages_not_null" CHECK ("pages" IS NOT NULL) NOT VALID;
-- ormc:online-steps: each step below runs after the statements above commit, outside a transaction; migrate() records each step it finishes and resumes from the first unfinished one
-- step 1
ALTER TABLE "book" VALIDATE CONSTRAINT "book_pages_not_null";
-- step 2
SET lock_timeout = '5s';
ALTER TABLE "book" ALTER COLUMN "pages" SET NOT NULL, DROP CONSTRAINT IF EXISTS "book_pages_not_null";
