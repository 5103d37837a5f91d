// PostgreSQL keeps the first 63 bytes of a name: a longer name ormc is given is an error, and the
// constraint and index names ormc makes up are shortened with a hash, the same on every run.
// RUN: not %ormc --emit=ir %s -- %flags -DLONG_TABLE 2>&1 | FileCheck %s --check-prefix=ERR
// RUN: %ormc --emit=postgresql %s -- %flags | FileCheck %s
#pragma once
#include <cstdint>

#ifdef LONG_TABLE
// ERR: long-names.hpp:[[@LINE+1]]:{{[0-9]+}}: error: table name 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_table_x' is 68 bytes long; PostgreSQL keeps only the first 63, so names that differ later would be one: shorten it [invalid-name]
struct [[clang::annotate("ormc:table(name=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_table_x)")]] TooLong {
  [[clang::annotate("ormc:id")]] std::int64_t id;
};
#endif

struct [[clang::annotate("ormc:table(name=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa)")]] Owner {
  [[clang::annotate("ormc:id")]] std::int64_t id;
};
struct [[clang::annotate("ormc:table(name=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaax)")]] Item {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  [[clang::annotate("ormc:belongs_to(Owner)")]] std::int64_t owner_id;
  [[clang::annotate("ormc:column(unique)")]] std::int64_t code;
};
// CHECK: CONSTRAINT "uq_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_{{[0-9a-f]+}}" UNIQUE
// CHECK: CONSTRAINT "fk_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_{{[0-9a-f]+}}" FOREIGN KEY ("owner_id")
// CHECK: CREATE INDEX IF NOT EXISTS "idx_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_{{[0-9a-f]+}}"
// RUN: %ormc --emit=postgresql %s -- %flags | not grep -E '"[a-z_0-9]{64,}"'
