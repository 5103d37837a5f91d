// A type the schema declares (sqlite_type=, postgresql_type=) must keep what ormc stores for the
// member: SQLite's affinity of the declared type, PostgreSQL's type by name; and be one type.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s
#pragma once
#include <cstdint>
#include <string>

struct [[clang::annotate("ormc:table")]] Account {
  [[clang::annotate("ormc:id")]] std::int64_t id = 0;
  // A REAL column would turn the counts ormc stores into floats.
  // CHECK: declared-type.hpp:[[@LINE+1]]:75: error: sqlite_type="DOUBLE" of 'visits' (std::int64_t): SQLite gives a 'DOUBLE' column REAL affinity, which would convert the INTEGER values ormc stores for this member; it needs one of INTEGER, NUMERIC, BLOB affinity [column-type]
  [[clang::annotate("ormc:column(sqlite_type=\"DOUBLE\")")]] std::int64_t visits = 0;
  // CHECK: declared-type.hpp:[[@LINE+1]]:77: error: postgresql_type="date" of 'name' (std::int64_t): a PostgreSQL 'date' column does not hold the values ormc writes for this member as BIGINT; it needs one of smallint, integer, bigint, numeric [column-type]
  [[clang::annotate("ormc:column(postgresql_type=\"date\")")]] std::int64_t name = 0;
  // CHECK: declared-type.hpp:[[@LINE+1]]:91: error: sqlite_type="TEXT); DROP TABLE x; --" of 'note' is not one SQL type: it has a ')' without its '(' [column-type]
  [[clang::annotate("ormc:column(sqlite_type=\"TEXT); DROP TABLE x; --\")")]] std::string note;
  // Any PostgreSQL type reads and writes as its text, and TEXT affinity keeps text.
  // CHECK-NOT: error
  [[clang::annotate("ormc:column(sqlite_type=\"NVARCHAR(20)\", postgresql_type=\"inet\")")]] std::string from;
};
