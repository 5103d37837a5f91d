SET standard_conforming_strings = on;
SET LOCAL lock_timeout = '5s';
ALTER TABLE "author" DROP CONSTRAINT IF EXISTS "uq_author_email";
