INSERT INTO "item" ("id", "stock", "reserved") VALUES (2, -1, -2);
INSERT INTO "item" ("id", "stock", "reserved") VALUES (3, 1, 2);
