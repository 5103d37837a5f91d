SELECT "sku", "cents" FROM "price" ORDER BY "sku";
UPDATE "price" SET "cents" = "cents" + 1 WHERE "sku" = 'a-1';
INSERT INTO "price" ("sku", "cents") VALUES ('c-3', 5);
WITH h AS (SELECT * FROM "price_history") SELECT "sku", "history_version", "history_operation", "cents", CASE WHEN "history_valid_to" IS NULL THEN 1 ELSE 0 END FROM h ORDER BY "sku", "history_version";
