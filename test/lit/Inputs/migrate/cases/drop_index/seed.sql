INSERT INTO "book" ("id", "title", "year") VALUES (1, 'Dune', 1965);
