SELECT "id", "desk", "subject" FROM "ticket" ORDER BY "id";
