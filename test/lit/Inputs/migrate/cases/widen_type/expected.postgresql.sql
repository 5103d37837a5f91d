SET standard_conforming_strings = on;
SET LOCAL lock_timeout = '5s';
ALTER TABLE "item" ALTER COLUMN "stock" TYPE BIGINT;
ALTER TABLE "item" DROP CONSTRAINT IF EXISTS "item_shelf_check";
ALTER TABLE "item" ALTER COLUMN "shelf" TYPE INTEGER;
ALTER TABLE "item" ALTER COLUMN "weight" TYPE DOUBLE PRECISION;
