SET standard_conforming_strings = on;
SET LOCAL lock_timeout = '5s';
ALTER TABLE "customer" DROP COLUMN "city";
