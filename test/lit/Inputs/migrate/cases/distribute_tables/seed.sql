INSERT INTO "country" ("code") VALUES ('DE'), ('FR');
INSERT INTO "company" ("id", "country_code") VALUES (1, 'DE'), (2, 'FR');
INSERT INTO "project" ("company_id", "id", "title") VALUES (1, 1, 'roof'), (2, 1, 'door');
