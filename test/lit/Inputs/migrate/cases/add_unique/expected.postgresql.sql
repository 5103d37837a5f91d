SET standard_conforming_strings = on;
SET LOCAL lock_timeout = '5s';
ALTER TABLE "author" ADD CONSTRAINT "uq_author_email" UNIQUE ("email");
