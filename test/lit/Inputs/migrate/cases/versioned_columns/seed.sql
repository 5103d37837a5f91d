INSERT INTO "contract" ("id", "party", "term") VALUES (1, 'acme', 6), (2, 'globex', NULL);
UPDATE "contract" SET "term" = 24 WHERE "id" = 1;
