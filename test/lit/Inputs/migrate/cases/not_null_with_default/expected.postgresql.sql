SET standard_conforming_strings = on;
SET LOCAL lock_timeout = '5s';
UPDATE "book" SET "pages" = 0 WHERE "pages" IS NULL;
ALTER TABLE "book" ALTER COLUMN "pages" SET DEFAULT 0;
ALTER TABLE "book" ALTER COLUMN "pages" SET NOT NULL;
