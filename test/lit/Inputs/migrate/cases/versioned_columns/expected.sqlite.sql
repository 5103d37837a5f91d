DROP TRIGGER IF EXISTS "contract_history_insert";
DROP TRIGGER IF EXISTS "contract_history_update";
DROP TRIGGER IF EXISTS "contract_history_delete";
CREATE TABLE IF NOT EXISTS "ormc_rebuild_contract" (
  "id" INTEGER PRIMARY KEY NOT NULL,
  "counterparty" TEXT NOT NULL,
  "term" INTEGER NOT NULL DEFAULT 12,
  "currency" TEXT NOT NULL DEFAULT 'EUR'
) STRICT;
INSERT INTO "ormc_rebuild_contract" ("id", "counterparty", "term") SELECT "id", "party", COALESCE("term", 12) FROM "contract";
DROP TABLE IF EXISTS "contract";
ALTER TABLE "ormc_rebuild_contract" RENAME TO "contract";
-- Every version of each row of contract (ormc:table(versioned))
CREATE TABLE IF NOT EXISTS "ormc_rebuild_contract_history" (
  "id" INTEGER NOT NULL,
  "counterparty" TEXT NOT NULL,
  "term" INTEGER NOT NULL DEFAULT 12,
  "currency" TEXT NOT NULL DEFAULT 'EUR',
  "history_version" INTEGER NOT NULL,
  "history_valid_from" INTEGER NOT NULL,
  "history_valid_to" INTEGER,
  "history_operation" TEXT NOT NULL,
  "history_actor" TEXT,
  CONSTRAINT "contract_history_pkey" PRIMARY KEY ("id", "history_version")
) STRICT, WITHOUT ROWID;
INSERT INTO "ormc_rebuild_contract_history" ("id", "counterparty", "term", "history_version", "history_valid_from", "history_valid_to", "history_operation", "history_actor") SELECT "id", "party", COALESCE("term", 12), "history_version", "history_valid_from", "history_valid_to", "history_operation", "history_actor" FROM "contract_history";
DROP TABLE IF EXISTS "contract_history";
ALTER TABLE "ormc_rebuild_contract_history" RENAME TO "contract_history";
CREATE TABLE IF NOT EXISTS "ormc_history_actor" ("id" INTEGER PRIMARY KEY CHECK ("id" = 1), "actor" TEXT NOT NULL) STRICT;
DROP TRIGGER IF EXISTS "contract_history_insert";
DROP TRIGGER IF EXISTS "contract_history_update";
DROP TRIGGER IF EXISTS "contract_history_delete";
CREATE TRIGGER "contract_history_insert" AFTER INSERT ON "contract" FOR EACH ROW BEGIN UPDATE "contract_history" SET "history_valid_to" = max(CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER) * 1000, "history_valid_from") WHERE "id" = NEW."id" AND "history_version" = (SELECT max("history_version") FROM "contract_history" WHERE "id" = NEW."id") AND "history_valid_to" IS NULL; INSERT INTO "contract_history" ("id", "counterparty", "term", "currency", "history_version", "history_valid_from", "history_valid_to", "history_operation", "history_actor") VALUES (NEW."id", NEW."counterparty", NEW."term", NEW."currency", coalesce((SELECT max("history_version") FROM "contract_history" WHERE "id" = NEW."id"), 0) + 1, max(CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER) * 1000, coalesce((SELECT "history_valid_from" FROM "contract_history" WHERE "id" = NEW."id" ORDER BY "history_version" DESC LIMIT 1), CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER) * 1000)), NULL, 'insert', (SELECT "actor" FROM "ormc_history_actor")); END;
CREATE TRIGGER "contract_history_update" AFTER UPDATE ON "contract" FOR EACH ROW BEGIN UPDATE "contract_history" SET "history_valid_to" = max(CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER) * 1000, "history_valid_from") WHERE "id" = OLD."id" AND "history_version" = (SELECT max("history_version") FROM "contract_history" WHERE "id" = OLD."id") AND "history_valid_to" IS NULL; INSERT INTO "contract_history" ("id", "counterparty", "term", "currency", "history_version", "history_valid_from", "history_valid_to", "history_operation", "history_actor") VALUES (NEW."id", NEW."counterparty", NEW."term", NEW."currency", coalesce((SELECT max("history_version") FROM "contract_history" WHERE "id" = NEW."id"), 0) + 1, max(CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER) * 1000, coalesce((SELECT "history_valid_from" FROM "contract_history" WHERE "id" = NEW."id" ORDER BY "history_version" DESC LIMIT 1), CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER) * 1000)), NULL, 'update', (SELECT "actor" FROM "ormc_history_actor")); END;
CREATE TRIGGER "contract_history_delete" AFTER DELETE ON "contract" FOR EACH ROW BEGIN UPDATE "contract_history" SET "history_valid_to" = max(CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER) * 1000, "history_valid_from") WHERE "id" = OLD."id" AND "history_version" = (SELECT max("history_version") FROM "contract_history" WHERE "id" = OLD."id") AND "history_valid_to" IS NULL; INSERT INTO "contract_history" ("id", "counterparty", "term", "currency", "history_version", "history_valid_from", "history_valid_to", "history_operation", "history_actor") VALUES (OLD."id", OLD."counterparty", OLD."term", OLD."currency", coalesce((SELECT max("history_version") FROM "contract_history" WHERE "id" = OLD."id"), 0) + 1, max(CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER) * 1000, coalesce((SELECT "history_valid_from" FROM "contract_history" WHERE "id" = OLD."id" ORDER BY "history_version" DESC LIMIT 1), CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER) * 1000)), max(CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER) * 1000, coalesce((SELECT "history_valid_from" FROM "contract_history" WHERE "id" = OLD."id" ORDER BY "history_version" DESC LIMIT 1), CAST(round((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER) * 1000)), 'delete', (SELECT "actor" FROM "ormc_history_actor")); END;
