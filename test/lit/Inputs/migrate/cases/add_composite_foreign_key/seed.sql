INSERT INTO "shelf" ("aisle", "slot", "room") VALUES ('A', 1, 'hall');
INSERT INTO "shelf" ("aisle", "slot", "room") VALUES ('B', 1, 'attic');
INSERT INTO "book" ("id", "title", "aisle", "slot") VALUES (10, 'Dune', 'A', 1);
INSERT INTO "book" ("id", "title", "aisle", "slot") VALUES (11, 'Emma', 'B', 1);
INSERT INTO "book" ("id", "title", "aisle", "slot") VALUES (12, 'Loose', NULL, NULL);
