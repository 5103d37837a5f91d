INSERT INTO "book" ("id", "title", "shelf_id") VALUES (11, 'Emma', 99);
