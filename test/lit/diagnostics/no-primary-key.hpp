// Every table needs an ormc:id member.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s
#pragma once

// CHECK: no-primary-key.hpp:[[@LINE+1]]:42: error: table 'Log' has no primary key; mark one member with ormc:id [no-primary-key]
struct [[clang::annotate("ormc:table")]] Log {
  int line;
};
