// ormc:tenant needs a std::string or a signed 32- or 64-bit integer that is not optional and not
// the whole key (part of a composite key is fine), at most one per table.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s --implicit-check-not=error:
#pragma once
#include <cstdint>
#include <optional>
#include <string>

struct [[clang::annotate("ormc:table")]] Fine {
  [[clang::annotate("ormc:id")]] [[clang::annotate("ormc:tenant")]] std::int32_t org;
  [[clang::annotate("ormc:id")]] std::int64_t id;
};

struct [[clang::annotate("ormc:table")]] TimeTenant {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  // CHECK-DAG: tenant.hpp:[[@LINE+1]]:45: error: ormc:tenant needs a std::string, std::int32_t or std::int64_t member that is not optional and not the whole key; 'at' has type 'double' [role-type]
  [[clang::annotate("ormc:tenant")]] double at;
};

struct [[clang::annotate("ormc:table")]] OptionalTenant {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  // CHECK-DAG: tenant.hpp:[[@LINE+1]]:65: error: {{.*}}; 'maybe' has type 'std::optional<std::string>' [role-type]
  [[clang::annotate("ormc:tenant")]] std::optional<std::string> maybe;
};

struct [[clang::annotate("ormc:table")]] KeyTenant {
  // CHECK-DAG: tenant.hpp:[[@LINE+1]]:82: error: {{.*}}; 'id' has type 'std::int64_t' [role-type]
  [[clang::annotate("ormc:id")]] [[clang::annotate("ormc:tenant")]] std::int64_t id;
};

struct [[clang::annotate("ormc:table")]] TwoTenants {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  [[clang::annotate("ormc:tenant")]] std::string a;
  // CHECK-DAG: tenant.hpp:[[@LINE+1]]:50: error: table 'TwoTenants' has more than one ormc:tenant member [role-type]
  [[clang::annotate("ormc:tenant")]] std::string b;
};
