INSERT INTO "ticket" ("id", "desk", "subject") VALUES (1, 'acme', 'printer'), (2, 'bravo', 'login');
