INSERT INTO "book" ("id", "title", "aisle", "slot") VALUES (13, 'Crossed', 'A', 2);
