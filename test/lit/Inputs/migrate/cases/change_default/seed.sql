INSERT INTO "book" ("id") VALUES (1);
