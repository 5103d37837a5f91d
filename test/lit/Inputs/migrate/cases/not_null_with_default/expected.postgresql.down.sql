SET standard_conforming_strings = on;
SET LOCAL lock_timeout = '5s';
ALTER TABLE "book" ALTER COLUMN "pages" DROP DEFAULT;
ALTER TABLE "book" ALTER COLUMN "pages" DROP NOT NULL;
