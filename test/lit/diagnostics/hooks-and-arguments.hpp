// Relation, index and hook annotations the front end rejects before anything is generated.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s
#pragma once
#include <cstdint>
#include <string>

struct [[clang::annotate("ormc:table")]] User {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  // CHECK-DAG: hooks-and-arguments.hpp:[[@LINE+1]]:27: error: 'ormc:belongs_to' needs the target model first: 'ormc:belongs_to(User)' [missing-argument]
  [[clang::annotate("ormc:belongs_to(on_delete=cascade)")]] std::int64_t other_id;
};

// CHECK-DAG: hooks-and-arguments.hpp:[[@LINE+1]]:72: error: 'nope' is not a column of 'Indexed' [unknown-member]
struct [[clang::annotate("ormc:table")]] [[clang::annotate("ormc:index(nope)")]] Indexed {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  // CHECK-DAG: hooks-and-arguments.hpp:[[@LINE+1]]:56: error: hook 'check' takes parameters; an ormc:hook(before_insert) must be a public member function 'void check()' (throw to stop the operation) [hook-signature]
  [[clang::annotate("ormc:hook(before_insert)")]] void check(int);
  // CHECK-DAG: hooks-and-arguments.hpp:[[@LINE+1]]:54: error: hook 'total' does not return void; an ormc:hook(after_update) must be a public member function 'void total()' (throw to stop the operation) [hook-signature]
  [[clang::annotate("ormc:hook(after_update)")]] int total();
  // CHECK-DAG: hooks-and-arguments.hpp:[[@LINE+1]]:32: error: unknown hook event 'before_delete'; did you mean 'before_update'? [unknown-key]
  [[clang::annotate("ormc:hook(before_delete)")]] void gone_hook();
};
