INSERT INTO "author" ("id", "email") VALUES (1, 'a@x'), (2, 'b@x');
INSERT INTO "book" ("id", "author_id", "title") VALUES (10, 1, 'Dune'), (11, 2, 'Emma'), (12, 2, 'Persuasion');
