INSERT INTO "shelf" ("id") VALUES (99);
