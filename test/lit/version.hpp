// ormc:version (optimistic locking): update() adds 1 to the version and writes only over the
// version the row holds, bound last; upserts add 1 too, and neither overwrites it from the row.
// RUN: rm -rf %t && %ormc --output-dir %t %s -- %flags
// RUN: FileCheck %s --input-file %t/version.ormc.hpp
// RUN: FileCheck %s --check-prefix=SQL < %t/version.ormc.cpp
// RUN: %ormc --emit=sqlite %s -- %flags | %sqlite3 :memory:
#pragma once
#include <cstdint>
#include <string>

struct [[clang::annotate("ormc:table")]] Page {
  [[clang::annotate("ormc:id")]] std::int64_t id = 0;
  std::string body;
  [[clang::annotate("ormc:version")]] std::int64_t version = 0;
  std::string after;
};
// SQL: .update = R"sql(UPDATE "page" SET "body" = ?1, "after" = ?2, "version" = "version" + 1 WHERE "id" = ?3 AND "version" = ?4)sql",
// SQL: .version = R"sql("version")sql",
// SQL: .upsert_by_key = R"sql(INSERT INTO "page" ("id", "body", "version", "after") VALUES (?1, ?2, ?3, ?4) ON CONFLICT ("id") DO UPDATE SET "body" = excluded."body", "after" = excluded."after", "version" = "page"."version" + 1)sql",
// SQL: .update = R"sql(UPDATE "page" SET "body" = $1, "after" = $2, "version" = "version" + 1 WHERE "id" = $3 AND "version" = $4)sql",
// CHECK:      using version_column = ::Page_columns::version_;
// CHECK:      static void bind_update(Statement& s, const model_type& row) {
// CHECK-NEXT:   s.bind(1, row.body);
// CHECK-NEXT:   s.bind(2, row.after);
// CHECK-NEXT:   s.bind(3, row.id);
// CHECK-NEXT:   s.bind(4, row.version); // the version the row was read at
// CHECK-NEXT: }
