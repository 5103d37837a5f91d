// ormc:id(assigned) says the application supplies the key; ormc:id(uuid) that ormc generates it.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s
#pragma once
#include <string>

struct [[clang::annotate("ormc:table")]] Contradiction {
  // CHECK: assigned-uuid-key.hpp:[[@LINE+1]]:62: error: ormc:id(uuid) and ormc:id(assigned) on 'key' contradict each other: a uuid key is generated, an assigned one is the application's [primary-key-type]
  [[clang::annotate("ormc:id(uuid, assigned)")]] std::string key;
};
