INSERT INTO "book" ("id") VALUES (2);
SELECT "id", coalesce("title", '(null)') FROM "book" ORDER BY "id";
