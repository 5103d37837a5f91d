SET standard_conforming_strings = on;
SET LOCAL lock_timeout = '5s';
ALTER TABLE "book" ALTER COLUMN "rating" SET DEFAULT 3;
