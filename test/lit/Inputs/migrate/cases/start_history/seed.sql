INSERT INTO "price" ("sku", "cents") VALUES ('a-1', 100), ('b-2', 250);
