INSERT INTO "book" ("id") VALUES (3);
SELECT "id", "pages" FROM "book" ORDER BY "id";
