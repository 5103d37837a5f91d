SET standard_conforming_strings = on;
SET LOCAL lock_timeout = '5s';
ALTER TABLE "book" ALTER COLUMN "title" DROP DEFAULT;
ALTER TABLE "book" ALTER COLUMN "title" DROP NOT NULL;
