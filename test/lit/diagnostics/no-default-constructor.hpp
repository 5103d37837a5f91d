// Rows are read into default-constructed structs, so a table needs a public default constructor.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s
#pragma once
#include <cstdint>
#include <string>

// CHECK: no-default-constructor.hpp:[[@LINE+1]]:42: error: table 'Named' needs a public default constructor: the generated code creates rows to read into [no-default-constructor]
struct [[clang::annotate("ormc:table")]] Named {
  explicit Named(std::string n) : name(std::move(n)) {}
  [[clang::annotate("ormc:id")]] std::int64_t id = 0;
  std::string name;
};

// CHECK: no-default-constructor.hpp:[[@LINE+1]]:42: error: table 'Hidden' needs a public default constructor
struct [[clang::annotate("ormc:table")]] Hidden {
  [[clang::annotate("ormc:id")]] std::int64_t id = 0;

private:
  Hidden() = default;
};

// A user-provided default constructor is fine.
// CHECK-NOT: 'Fine'
struct [[clang::annotate("ormc:table")]] Fine {
  Fine() : id(7) {}
  [[clang::annotate("ormc:id")]] std::int64_t id;
};
