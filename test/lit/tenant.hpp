// ormc:tenant (row-level tenancy): every statement of the model compares the tenant column with
// the connection's row tenant, one parameter numbered after the others (the statement names it
// in a trailing comment, and its connection binds it); an upsert overwrites only a row of the
// same tenant. Inserts bind the column like any other: Table fills it from the row tenant. The
// column gets an index unless one leads with it already (a composite key here).
// RUN: rm -rf %t && %ormc --output-dir %t %s -- %flags
// RUN: FileCheck %s --input-file %t/tenant.ormc.hpp
// RUN: FileCheck %s --check-prefix=SQL < %t/tenant.ormc.cpp
// RUN: %ormc --emit=sqlite %s -- %flags | %sqlite3 :memory:
// RUN: %ormc --emit=sqlite %s -- %flags | FileCheck %s --check-prefix=DDL
// RUN: %ormc --emit=postgresql %s -- %flags | FileCheck %s --check-prefix=PG
// RUN: %ormc --emit=sqlite %s -- %flags | FileCheck %s --check-prefix=LITE
// RUN: grep -c 'RowSecurity::on' %t/schema.ormc.hpp | FileCheck %s --check-prefix=MODELS
// RUN: FileCheck %s --check-prefix=IR --input-file %t/schema.json
#pragma once
#include <cstdint>
#include <string>

struct [[clang::annotate("ormc:table")]] Note {
  [[clang::annotate("ormc:id")]] std::int64_t id = 0;
  [[clang::annotate("ormc:tenant")]] std::string tenant;
  std::string body;
};
// SQL: .insert = R"sql(INSERT INTO "note" ("tenant", "body") VALUES (?1, ?2))sql",
// SQL: .select_all = R"sql(SELECT "id", "tenant", "body" FROM "note" WHERE "tenant" = ?1 ORDER BY "id" /* ormc:tenant parameter 1 */)sql",
// SQL: .select_by_key = R"sql(SELECT "id", "tenant", "body" FROM "note" WHERE "id" = ?1 AND "tenant" = ?2 /* ormc:tenant parameter 2 */)sql",
// SQL: .update = R"sql(UPDATE "note" SET "tenant" = ?1, "body" = ?2 WHERE "id" = ?3 AND "tenant" = ?4 /* ormc:tenant parameter 4 */)sql",
// SQL: .remove = R"sql(DELETE FROM "note" WHERE "id" = ?1 AND "tenant" = ?2 /* ormc:tenant parameter 2 */)sql",
// SQL: .count = R"sql(SELECT count(*) FROM "note" WHERE "tenant" = ?1 /* ormc:tenant parameter 1 */)sql",
// SQL: .upsert_by_key = R"sql(INSERT INTO "note" ("id", "tenant", "body") VALUES (?1, ?2, ?3) ON CONFLICT ("id") DO UPDATE SET "tenant" = excluded."tenant", "body" = excluded."body" WHERE "note"."tenant" = excluded."tenant")sql",
// SQL: .tenant = R"sql("tenant")sql",
// SQL: .select_by_key = R"sql(SELECT "id", "tenant", "body" FROM "note" WHERE "id" = $1 AND "tenant" = $2 /* ormc:tenant parameter 2 */)sql",
// CHECK:      static constexpr bool row_tenancy = true;
// CHECK-NEXT: static void fill_tenant(model_type& row, const ormc::Database& db) {
// CHECK-NEXT:   ormc::detail::fill_tenant(row.tenant, db, name, R"sql(tenant)sql");
// CHECK-NEXT: }

// DDL: CREATE INDEX IF NOT EXISTS "idx_note_tenant" ON "note" ("tenant");
// DDL-NOT: idx_seat

struct [[clang::annotate("ormc:table")]] Seat {
  [[clang::annotate("ormc:id")]] [[clang::annotate("ormc:tenant")]] std::int32_t org = 0;
  [[clang::annotate("ormc:id")]] std::int32_t number = 0;
};

// ormc:tenant(row_security): PostgreSQL enforces the tenant too, with a FORCEd policy (the
// table's owner is bound as well) comparing the column with the transaction's ormc.tenant, read
// as the column's type; the Models' row tenants set that setting. SQLite has no policies.
struct [[clang::annotate("ormc:table")]] Ledger {
  [[clang::annotate("ormc:id")]] std::int64_t id = 0;
  [[clang::annotate("ormc:tenant(row_security)")]] std::int64_t org = 0;
};
// PG:      CREATE TABLE IF NOT EXISTS "ledger" (
// PG:      CREATE INDEX IF NOT EXISTS "idx_ledger_org" ON "ledger" ("org");
// PG-NEXT: ALTER TABLE "ledger" ENABLE ROW LEVEL SECURITY;
// PG-NEXT: ALTER TABLE "ledger" FORCE ROW LEVEL SECURITY;
// PG-NEXT: DROP POLICY IF EXISTS "ormc_tenant" ON "ledger";
// PG-NEXT: CREATE POLICY "ormc_tenant" ON "ledger" USING ("org" = NULLIF(current_setting('ormc.tenant', true), '')::bigint) WITH CHECK ("org" = NULLIF(current_setting('ormc.tenant', true), '')::bigint);
// PG-NOT:  POLICY
// LITE-NOT: POLICY
// LITE-NOT: ROW LEVEL
// SQL: .row_security = true,
// MODELS: 2
// IR:      "name": "org",
// IR:      "row_security": true
