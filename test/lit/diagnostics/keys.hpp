// Primary keys: not optional, an integer or a string (several make one composite key:
// composite-key.hpp).
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s
#pragma once
#include <cstdint>
#include <optional>
#include <string>

struct [[clang::annotate("ormc:table")]] Pair {
  [[clang::annotate("ormc:id")]] std::int64_t a;
  // CHECK-DAG: keys.hpp:[[@LINE+1]]:62: error: primary key 'b' cannot be std::optional [nullable-primary-key]
  [[clang::annotate("ormc:id")]] std::optional<std::int64_t> b;
};
struct [[clang::annotate("ormc:table")]] Optional {
  // CHECK-DAG: keys.hpp:[[@LINE+1]]:62: error: primary key 'id' cannot be std::optional [nullable-primary-key]
  [[clang::annotate("ormc:id")]] std::optional<std::int64_t> id;
};
struct [[clang::annotate("ormc:table")]] Real {
  // CHECK-DAG: keys.hpp:[[@LINE+1]]:41: error: primary key 'id' has type 'double'; a primary key must be an integer or std::string [primary-key-type]
  [[clang::annotate("ormc:id")]] double id;
};
struct [[clang::annotate("ormc:table")]] Sequenced {
  // CHECK-DAG: keys.hpp:[[@LINE+1]]:71: error: sequence 'seq' on 'id': a sequence assigns a key the database assigns, a lone integer ormc:id that is neither assigned nor part of a composite key [key-sequence]
  [[clang::annotate("ormc:id(assigned, sequence=seq)")]] std::int64_t id;
};
