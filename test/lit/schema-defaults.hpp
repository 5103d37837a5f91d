// ormc:schema(...) on a namespace gives the tables declared in it their defaults: a naming
// rule, a table prefix, a time storage. A table's own options win; another opening of the same
// namespace without the annotation keeps ormc's defaults; the innermost annotation decides.
// RUN: %ormc --emit=ir %s -- %flags | FileCheck %s
// RUN: %ormc --emit=sqlite %s -- %flags | FileCheck %s --check-prefix=SQLITE
// RUN: %ormc --emit=sqlite %s -- %flags | %sqlite3 :memory:
#pragma once
#include <chrono>
#include <cstdint>
#include <string>

namespace [[clang::annotate("ormc:schema(naming=PascalCase, table_prefix=app_, time_storage=text)")]] chinook {
struct [[clang::annotate("ormc:table")]] MediaType {
  [[clang::annotate("ormc:id")]] std::int64_t media_type_id;
  std::string name;
  std::chrono::system_clock::time_point added_at;
};
// CHECK:      "name": "MediaType",
// CHECK:      "table": "app_MediaType",
// CHECK:      "name": "MediaTypeId",
// CHECK:      "name": "AddedAt",
// CHECK:      "storage": "text",

struct [[clang::annotate("ormc:table(naming=snake_case, time_storage=unix_seconds)")]] PlayList {
  [[clang::annotate("ormc:id")]] std::int64_t play_list_id;
  std::chrono::system_clock::time_point added_at;
};
// CHECK:      "table": "app_play_list",
// CHECK:      "name": "play_list_id",
// CHECK:      "storage": "unix_seconds",

struct [[clang::annotate("ormc:table(name=Genre)")]] Genre {
  [[clang::annotate("ormc:id")]] std::int64_t genre_id;
};
// CHECK:      "table": "Genre",
// CHECK:      "name": "GenreId",

namespace [[clang::annotate("ormc:schema(naming=camelCase)")]] reports {
struct [[clang::annotate("ormc:table")]] SalesReport {
  [[clang::annotate("ormc:id")]] std::int64_t report_id;
};
// CHECK:      "table": "app_salesReport",
// CHECK:      "name": "reportId",
} // namespace reports
} // namespace chinook

namespace chinook {
struct [[clang::annotate("ormc:table")]] Employee {
  [[clang::annotate("ormc:id")]] std::int64_t employee_id;
};
// CHECK:      "table": "employee",
// CHECK:      "name": "employee_id",
} // namespace chinook

// SQLITE: CREATE TABLE IF NOT EXISTS "app_MediaType" (
// SQLITE:   "MediaTypeId" INTEGER PRIMARY KEY NOT NULL,
// SQLITE:   "Name" TEXT NOT NULL,
// SQLITE:   "AddedAt" TEXT NOT NULL
