INSERT INTO "review" ("id", "book_id", "text") VALUES (12, 99, 'no such volume');
