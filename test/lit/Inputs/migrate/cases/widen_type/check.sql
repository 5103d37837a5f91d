INSERT INTO "item" ("id", "stock", "shelf", "weight") VALUES (3, 9000000000, 1000, 1.5);
SELECT "id", "stock", "shelf", "weight" FROM "item" ORDER BY "id";
