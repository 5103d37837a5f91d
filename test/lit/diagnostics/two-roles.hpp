// A member has one role at most: created_at, updated_at, soft_delete, version or tenant.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s --implicit-check-not=error:
#pragma once
#include <cstdint>

struct [[clang::annotate("ormc:table")]] TenantAndVersion {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  // CHECK: two-roles.hpp:[[@LINE+1]]:87: error: member 'v' has more than one of created_at, updated_at, soft_delete, version, tenant [conflicting-annotations]
  [[clang::annotate("ormc:tenant")]] [[clang::annotate("ormc:version")]] std::int64_t v;
};
