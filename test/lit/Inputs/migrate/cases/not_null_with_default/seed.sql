INSERT INTO "book" ("id", "pages") VALUES (1, NULL), (2, 300);
