// ormc:schema(...) belongs on a namespace and takes naming, table_prefix and time_storage; its
// problems are reported once, where it is written, however many tables it covers.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
#pragma once
#include <cstdint>

// CHECK: schema-defaults.hpp:[[@LINE+1]]:49: error: invalid value for 'naming': expected one of snake_case, PascalCase, camelCase [malformed-value]
namespace [[clang::annotate("ormc:schema(naming=kebab)")]] a {
struct [[clang::annotate("ormc:table")]] One {
  [[clang::annotate("ormc:id")]] std::int64_t id;
};
struct [[clang::annotate("ormc:table")]] Two {
  [[clang::annotate("ormc:id")]] std::int64_t id;
};
} // namespace a

// CHECK: schema-defaults.hpp:[[@LINE+1]]:96: error: 'ormc:schema' applies to namespaces, not to a struct [misplaced-annotation]
struct [[clang::annotate("ormc:table")]] [[clang::annotate("ormc:schema(naming=PascalCase)")]] Three {
  [[clang::annotate("ormc:id")]] std::int64_t id;
};

// CHECK: schema-defaults.hpp:[[@LINE+1]]:45: warning: 'ormc:table' has no effect here; ormc annotations apply to structs, their data members and member functions, and ormc:schema to namespaces [misplaced-annotation]
namespace [[clang::annotate("ormc:table")]] b {}
