// Annotation values that would have injected SQL or C++, or made output that does not compile:
// each is a located error, and nothing is written.
// RUN: rm -rf %t && not %ormc --output-dir %t %s -- %flags 2>&1 | FileCheck %s
// RUN: not ls %t
#pragma once
#include <cstdint>
#include <optional>
#include <string>

struct [[clang::annotate("ormc:table")]] Victim {
  [[clang::annotate("ormc:id")]] std::int64_t id;
};

// CHECK-DAG: hostile-values.hpp:[[@LINE+4]]:1: error: check="true)); DROP TABLE victim; --" is not one SQL expression: it has a ')' without its '(' [sql-text]
// CHECK-DAG: hostile-values.hpp:[[@LINE+2]]:25: error: opclass 'text_ops); DROP TABLE victim2; --' is not an operator class name {{.*}} [index-definition]
struct [[clang::annotate("ormc:table(check=\"true)); DROP TABLE victim; --\")")]]
[[clang::annotate("ormc:index(label, method=gin, opclass=\"text_ops); DROP TABLE victim2; --\")")]]
Hostile {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  std::string label;
  // CHECK-DAG: hostile-values.hpp:[[@LINE+1]]:98: error: check="length(note) > 0; DELETE FROM victim" is not one SQL expression: it has a ';', which would end the statement [sql-text]
  [[clang::annotate("ormc:column(check=\"length(note) > 0; DELETE FROM victim\")")]] std::string note;
  // CHECK-DAG: hostile-values.hpp:[[@LINE+1]]:71: error: check="x /* y */" is not one SQL expression: it has a '/*' comment [sql-text]
  [[clang::annotate("ormc:column(check=\"x /* y */\")")]] std::string other;
};

struct [[clang::annotate("ormc:table")]] Post {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  // CHECK-DAG: hostile-values.hpp:[[@LINE+2]]:27: error: relation helper name 'author of post' (belongs_to on author_id) is not a C++ identifier; it names a member function of 'Post''s table [relation-name]
  // CHECK-DAG: hostile-values.hpp:[[@LINE+1]]:27: error: relation helper name 'my-posts' (inverse of Post::author_id) is not a C++ identifier; it names a member function of 'Victim''s table [relation-name]
  [[clang::annotate("ormc:belongs_to(Victim, name=\"author of post\", inverse=\"my-posts\")")]] std::int64_t author_id;
};

// A Models member name as a table's accessor would not compile (a model called Table, or Tenant
// with accessor=tenant).
// CHECK-DAG: hostile-values.hpp:[[@LINE+1]]:56: error: accessor 'tables' of 'Table' is a member of Models already; name the table's member with ormc:table(accessor=...) [invalid-name]
struct [[clang::annotate("ormc:table(name=\"tbl\")")]] Table {
  [[clang::annotate("ormc:id")]] std::int64_t id;
};

// CHECK-DAG: hostile-values.hpp:[[@LINE+2]]:84: error: accessor 'class' is not a C++ identifier; it names the table's member of Models [invalid-name]
// CHECK-DAG: hostile-values.hpp:[[@LINE+1]]:84: error: table name holds a control character (a newline, tab or NUL); names are one line of text [invalid-name]
struct [[clang::annotate("ormc:table(name=\"line\nbreak\", accessor=\"class\")")]] Newline {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  // CHECK-DAG: hostile-values.hpp:[[@LINE+1]]:64: error: default value '300' of 'small' is outside the range of 'std::uint8_t' [default-type]
  [[clang::annotate("ormc:column(default=300)")]] std::uint8_t small;
  // CHECK-DAG: hostile-values.hpp:[[@LINE+1]]:81: error: default value '99999999999999999999' of 'big' is outside the range of 'std::int64_t' [default-type]
  [[clang::annotate("ormc:column(default=99999999999999999999)")]] std::int64_t big;
  // CHECK-DAG: hostile-values.hpp:[[@LINE+1]]:85: error: default value 'toolong' of 'code' is longer than max_length=2 [default-type]
  [[clang::annotate("ormc:column(max_length=2, default=\"toolong\")")]] std::string code;
  // CHECK-DAG: hostile-values.hpp:[[@LINE+1]]:70: error: default value '42' of 'level' is above max=5 [default-type]
  [[clang::annotate("ormc:column(max=5, default=42)")]] std::int32_t level;
  // CHECK-DAG: hostile-values.hpp:[[@LINE+1]]:60: error: max=1000 of 'tiny' is outside the range of 'std::int8_t' [validation-type]
  [[clang::annotate("ormc:column(max=1000)")]] std::int8_t tiny;
};
