// ormc:table(versioned) keeps every version of each row in `<table>_history`: the table's
// columns without their constraints, then the version, when it was current, the operation and
// the actor; the key is the table's key and the version. Triggers on the table write it, so
// every writer is recorded: on SQLite in built-in SQL only (another program's writes too), on
// PostgreSQL one plpgsql function. Both scripts run as written.
// RUN: %ormc --emit=ir %s -- %flags | FileCheck %s --check-prefix=IR
// RUN: %ormc --emit=sqlite %s -- %flags | FileCheck %s --check-prefix=SQLITE
// RUN: %ormc --emit=sqlite %s -- %flags > %t.sql && %sqlite3 %t.db < %t.sql && %sqlite3 %t.db "INSERT INTO \"ledger\" (\"id\", \"label\", \"select\") VALUES (1, 'a', 2); UPDATE \"ledger\" SET \"select\" = 3; DELETE FROM \"ledger\"; SELECT \"id\", \"select\", \"history_version\", \"history_operation\" FROM \"ledger_history\" ORDER BY 3;" | FileCheck %s --check-prefix=ROWS
// RUN: %ormc --emit=postgresql %s -- %flags | FileCheck %s --check-prefix=PG
// RUN: rm -rf %t && mkdir %t && %ormc --output-dir %t %s -- %flags && FileCheck %s --check-prefix=CPP < %t/versioned.ormc.cpp
// RUN: FileCheck %s --check-prefix=DROP < %t/schema.ormc.hpp
#pragma once
#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <string>

struct ORMC_TABLE(versioned) Ledger {
  ORMC_ID() std::int64_t id = 0;
  ORMC_COLUMN(unique, not_empty) std::string label;
  ORMC_COLUMN(name = "select") std::optional<std::int32_t> choice;
};

// IR:      "table": "ledger",
// IR:      "versioned": true

// SQLITE:      CREATE TABLE IF NOT EXISTS "ledger_history" (
// SQLITE-NEXT:   "id" INTEGER NOT NULL,
// SQLITE-NEXT:   "label" TEXT NOT NULL,
// SQLITE-NEXT:   "select" INTEGER,
// SQLITE-NEXT:   "history_version" INTEGER NOT NULL,
// SQLITE-NEXT:   "history_valid_from" INTEGER NOT NULL,
// SQLITE-NEXT:   "history_valid_to" INTEGER,
// SQLITE-NEXT:   "history_operation" TEXT NOT NULL,
// SQLITE-NEXT:   "history_actor" TEXT,
// SQLITE-NEXT:   CONSTRAINT "ledger_history_pkey" PRIMARY KEY ("id", "history_version")
// SQLITE-NEXT: ) STRICT, WITHOUT ROWID;
// SQLITE-NEXT: CREATE TABLE IF NOT EXISTS "ormc_history_actor" ("id" INTEGER PRIMARY KEY CHECK ("id" = 1), "actor" TEXT NOT NULL) STRICT;
// Each version found by one seek of the history's key, however many versions the row has:
// SQLITE-NEXT: CREATE TRIGGER IF NOT EXISTS "ledger_history_insert" AFTER INSERT ON "ledger" FOR EACH ROW BEGIN UPDATE "ledger_history" SET "history_valid_to" = {{.*}} WHERE "id" = NEW."id" AND "history_version" = (SELECT max("history_version") FROM "ledger_history" WHERE "id" = NEW."id") AND "history_valid_to" IS NULL; INSERT INTO "ledger_history" ("id", "label", "select", "history_version", "history_valid_from", "history_valid_to", "history_operation", "history_actor") VALUES (NEW."id", NEW."label", NEW."select", coalesce((SELECT max("history_version") FROM "ledger_history" WHERE "id" = NEW."id"), 0) + 1, {{.*}}, NULL, 'insert', (SELECT "actor" FROM "ormc_history_actor")); END;
// SQLITE-NEXT: CREATE TRIGGER IF NOT EXISTS "ledger_history_update" AFTER UPDATE ON "ledger" {{.*}} WHERE "id" = OLD."id" AND {{.*}} VALUES (NEW."id", {{.*}} 'update', {{.*}}
// SQLITE-NEXT: CREATE TRIGGER IF NOT EXISTS "ledger_history_delete" AFTER DELETE ON "ledger" {{.*}} WHERE "id" = OLD."id" AND {{.*}} VALUES (OLD."id", {{.*}} 'delete', {{.*}}

// ROWS:      1|2|1|insert
// ROWS-NEXT: 1|3|2|update
// ROWS-NEXT: 1|3|3|delete

// PG:      CREATE TABLE IF NOT EXISTS "ledger_history" (
// PG-NEXT:   "id" BIGINT NOT NULL,
// PG-NEXT:   "label" TEXT NOT NULL,
// PG-NEXT:   "select" INTEGER,
// PG-NEXT:   "history_version" BIGINT NOT NULL,
// PG-NEXT:   "history_valid_from" TIMESTAMPTZ NOT NULL,
// PG-NEXT:   "history_valid_to" TIMESTAMPTZ,
// PG-NEXT:   "history_operation" TEXT NOT NULL,
// PG-NEXT:   "history_actor" TEXT,
// PG-NEXT:   CONSTRAINT "ledger_history_pkey" PRIMARY KEY ("id", "history_version")
// PG-NEXT: );
// PG:      CREATE OR REPLACE FUNCTION "ledger_history_write"() RETURNS trigger LANGUAGE plpgsql AS $ormc$
// PG-NEXT: DECLARE
// PG-NEXT:   ormc_history_last_version bigint;
// PG-NEXT:   ormc_history_last_from timestamptz;
// PG-NEXT: BEGIN
// PG-NEXT:   IF TG_OP = 'DELETE' THEN
// PG-NEXT:     SELECT "history_version", "history_valid_from" INTO ormc_history_last_version, ormc_history_last_from FROM "ledger_history" WHERE "id" = OLD."id" ORDER BY "history_version" DESC LIMIT 1;
// PG-NEXT:     UPDATE "ledger_history" SET "history_valid_to" = GREATEST(now(), ormc_history_last_from) WHERE "id" = OLD."id" AND "history_version" = ormc_history_last_version AND "history_valid_to" IS NULL;
// PG-NEXT:     INSERT INTO "ledger_history" ("id", "label", "select", "history_version", "history_valid_from", "history_valid_to", "history_operation", "history_actor")
// PG-NEXT:       VALUES (OLD."id", OLD."label", OLD."select", coalesce(ormc_history_last_version, 0) + 1, GREATEST(now(), ormc_history_last_from), GREATEST(now(), ormc_history_last_from), 'delete', NULLIF(current_setting('ormc.actor', true), ''));
// PG-NEXT:     RETURN NULL;
// PG-NEXT:   END IF;
// PG-NEXT:   IF TG_OP = 'UPDATE' AND (OLD."id") IS DISTINCT FROM (NEW."id") THEN
// PG:          VALUES (NEW."id", NEW."label", NEW."select", coalesce(ormc_history_last_version, 0) + 1, GREATEST(now(), ormc_history_last_from), NULL, lower(TG_OP), NULLIF(current_setting('ormc.actor', true), ''));
// PG:      CREATE OR REPLACE TRIGGER "ledger_history" AFTER INSERT OR UPDATE OR DELETE ON "ledger" FOR EACH ROW EXECUTE FUNCTION "ledger_history_write"();

// CPP: .history_table = R"sql("ledger_history")sql",

// Models::drop_schema() drops the history with its table: SQLite's triggers, PostgreSQL's
// trigger and function, before the table they are on.
// DROP:      R"sql(DROP TRIGGER IF EXISTS "ledger_history_insert")sql",
// DROP-NEXT: R"sql(DROP TRIGGER IF EXISTS "ledger_history_update")sql",
// DROP-NEXT: R"sql(DROP TRIGGER IF EXISTS "ledger_history_delete")sql",
// DROP-NEXT: R"sql(DROP TABLE IF EXISTS "ledger_history")sql",
// DROP-NEXT: R"sql(DROP TABLE IF EXISTS "ledger")sql",
// DROP:      R"sql(DROP TRIGGER IF EXISTS "ledger_history" ON "ledger")sql",
// DROP-NEXT: R"sql(DROP FUNCTION IF EXISTS "ledger_history_write"())sql",
// DROP-NEXT: R"sql(DROP TABLE IF EXISTS "ledger_history")sql",
// DROP-NEXT: R"sql(DROP TABLE IF EXISTS "ledger")sql",
