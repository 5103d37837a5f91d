INSERT INTO "book" ("id", "pages") VALUES (4, NULL);
