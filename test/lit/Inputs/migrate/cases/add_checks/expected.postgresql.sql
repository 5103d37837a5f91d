SET standard_conforming_strings = on;
SET LOCAL lock_timeout = '5s';
ALTER TABLE "item" ADD CONSTRAINT "ck_item_stock" CHECK ("stock" >= 0);
ALTER TABLE "item" ADD CONSTRAINT "ck_item" CHECK (reserved <= stock);
