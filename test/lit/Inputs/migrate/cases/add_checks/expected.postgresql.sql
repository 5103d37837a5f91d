SET standard_conforming_strings = on;
SET LOCAL lock_timeout = '5s';
ALTER TABLE "item" ADD CONSTRAINT "ck_item_stock" CHECK ("stock" >= 0) NOT VALID;
ALTER TABLE "item" ADD CONSTRAINT "ck_item" CHECK (reserved <= stock) NOT VALID;
-- ormc:online-steps: each step below runs after the statements above commit, outside a transaction; migrate() records each step it finishes and resumes from the first unfinished one
-- step 1
ALTER TABLE "item" VALIDATE CONSTRAINT "ck_item_stock";
-- step 2
ALTER TABLE "item" VALIDATE CONSTRAINT "ck_item";
