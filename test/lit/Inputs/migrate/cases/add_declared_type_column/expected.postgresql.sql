SET standard_conforming_strings = on;
SET LOCAL lock_timeout = '5s';
ALTER TABLE "customer" ADD COLUMN "city" character varying(40);
