INSERT INTO "shelf" ("id") VALUES (1);
INSERT INTO "book" ("id", "shelf_id") VALUES (10, 1), (11, 99);
