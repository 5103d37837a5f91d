// ormc:version needs a signed 32- or 64-bit integer that is neither the key, a foreign key nor
// optional, at most one per table. (A member with two roles: conflicting-annotations.)
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s --implicit-check-not=error:
#pragma once
#include <cstdint>
#include <optional>
#include <string>

struct [[clang::annotate("ormc:table")]] Owner {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  [[clang::annotate("ormc:version")]] std::int32_t version; // fine
};

struct [[clang::annotate("ormc:table")]] TextVersion {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  // CHECK-DAG: version.hpp:[[@LINE+1]]:51: error: ormc:version needs a std::int32_t or std::int64_t member that is neither the key nor a foreign key nor optional; 'text' has type 'std::string' [role-type]
  [[clang::annotate("ormc:version")]] std::string text;
};

struct [[clang::annotate("ormc:table")]] OptionalVersion {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  // CHECK-DAG: version.hpp:[[@LINE+1]]:67: error: {{.*}}; 'maybe' has type 'std::optional<std::int64_t>' [role-type]
  [[clang::annotate("ormc:version")]] std::optional<std::int64_t> maybe;
};

struct [[clang::annotate("ormc:table")]] UnsignedVersion {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  // CHECK-DAG: version.hpp:[[@LINE+1]]:53: error: {{.*}}; 'count' has type 'std::uint64_t' [role-type]
  [[clang::annotate("ormc:version")]] std::uint64_t count;
};

struct [[clang::annotate("ormc:table")]] KeyVersion {
  // CHECK-DAG: version.hpp:[[@LINE+1]]:83: error: {{.*}}; 'id' has type 'std::int64_t' [role-type]
  [[clang::annotate("ormc:id")]] [[clang::annotate("ormc:version")]] std::int64_t id;
};

struct [[clang::annotate("ormc:table")]] ForeignKeyVersion {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  // CHECK-DAG: version.hpp:[[@LINE+1]]:98: error: {{.*}}; 'owner_id' has type 'std::int64_t' [role-type]
  [[clang::annotate("ormc:version")]] [[clang::annotate("ormc:belongs_to(Owner)")]] std::int64_t owner_id;
};

struct [[clang::annotate("ormc:table")]] TwoVersions {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  // CHECK-DAG: version.hpp:[[@LINE+1]]:52: note: the first is here
  [[clang::annotate("ormc:version")]] std::int32_t first;
  // CHECK-DAG: version.hpp:[[@LINE+1]]:52: error: table 'TwoVersions' has more than one ormc:version member [role-type]
  [[clang::annotate("ormc:version")]] std::int64_t second;
};
