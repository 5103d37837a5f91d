SELECT "id", "shelf_id" FROM "book" ORDER BY "id";
