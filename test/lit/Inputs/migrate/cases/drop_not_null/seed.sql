INSERT INTO "book" ("id", "title") VALUES (1, 'Dune');
