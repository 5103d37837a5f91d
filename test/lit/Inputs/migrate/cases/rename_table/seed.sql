INSERT INTO "book" ("id", "title") VALUES (1, 'Dune'), (2, 'Emma');
INSERT INTO "review" ("id", "book_id", "text") VALUES (10, 1, 'sand'), (11, 2, 'wit');
