INSERT INTO "book" ("id") VALUES (2);
SELECT "id", "rating" FROM "book" ORDER BY "id";
