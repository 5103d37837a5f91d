INSERT INTO "user" ("select") VALUES (7);
INSERT INTO "order" ("group", "we""ird") VALUES ('g', 1);
SELECT "order"."group", "order"."we""ird" FROM "user", "order";
