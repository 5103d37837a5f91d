INSERT INTO "shelf" ("id", "room") VALUES (1, 'hall');
INSERT INTO "book" ("id", "title") VALUES (10, 'Dune');
