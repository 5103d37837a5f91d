SELECT "id", "title", "year" FROM "book";
