SET standard_conforming_strings = on;
SET LOCAL lock_timeout = '5s';
ALTER TABLE "item" ALTER COLUMN "code" TYPE BIGINT USING (CAST(code AS INTEGER) * 10);
