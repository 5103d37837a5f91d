// Every identifier is quoted, so SQL keywords work as table and column names.
// RUN: %ormc --emit=sqlite %s -- %flags | FileCheck %s
// RUN: rm -f %t.db && %ormc --emit=sqlite %s -- %flags | %sqlite3 %t.db
// RUN: %sqlite3 %t.db < %inputs/keywords.sql | FileCheck %s --check-prefix=ROWS
// ROWS: g|1
#pragma once
#include <cstdint>
#include <string>

struct [[clang::annotate("ormc:table(name=user)")]] User {
  [[clang::annotate("ormc:id")]] [[clang::annotate("ormc:column(name=select)")]] std::int64_t id;
};
struct [[clang::annotate("ormc:table(name=order)")]] Order {
  [[clang::annotate("ormc:id")]] [[clang::annotate("ormc:column(name=select)")]] std::int64_t id;
  [[clang::annotate("ormc:column(name=\"group\", index)")]] std::string group;
  [[clang::annotate("ormc:column(name=\"we\\\"ird\")")]] std::int32_t weird;
};
// CHECK: CREATE TABLE IF NOT EXISTS "user" (
// CHECK:   "select" INTEGER PRIMARY KEY NOT NULL
// CHECK: CREATE TABLE IF NOT EXISTS "order" (
// CHECK:   "group" TEXT NOT NULL,
// CHECK:   "we""ird" INTEGER NOT NULL
// CHECK: CREATE INDEX IF NOT EXISTS "idx_order_group" ON "order" ("group");
