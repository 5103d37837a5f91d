INSERT INTO "author" ("id", "email") VALUES (3, 'a@x');
