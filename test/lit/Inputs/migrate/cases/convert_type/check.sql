SELECT "id", "code" + 1 FROM "item" ORDER BY "id";
