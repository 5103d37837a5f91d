INSERT INTO "item" ("id", "stock", "shelf", "weight") VALUES (1, 2147483647, 255, 0.5), (2, -5, 0, 2.25);
