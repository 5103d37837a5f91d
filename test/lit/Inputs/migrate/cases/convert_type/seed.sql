INSERT INTO "item" ("id", "code") VALUES (1, '7'), (2, '42');
