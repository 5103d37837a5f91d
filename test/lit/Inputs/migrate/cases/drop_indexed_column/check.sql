SELECT "id", "title" FROM "book" ORDER BY "id";
