INSERT INTO "item" ("id", "stock", "reserved") VALUES (1, 5, 2);
