SET standard_conforming_strings = on;
SET LOCAL lock_timeout = '5s';
ALTER TABLE "item" DROP CONSTRAINT IF EXISTS "ck_item";
ALTER TABLE "item" DROP CONSTRAINT IF EXISTS "ck_item_stock";
