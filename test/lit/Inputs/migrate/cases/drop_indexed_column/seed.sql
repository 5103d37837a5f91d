INSERT INTO "book" ("id", "isbn", "title") VALUES (1, '978-0', 'Dune'), (2, '978-1', 'Emma');
