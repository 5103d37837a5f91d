// An unknown key is an error at the key, with a fix-it when a known key is close.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s
#pragma once
#include <cstdint>
#include <string>

struct [[clang::annotate("ormc:table")]] T {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  // CHECK: unknown-key.hpp:[[@LINE+2]]:34: error: unknown key 'max_lenght' for 'ormc:column'; did you mean 'max_length'? [unknown-key]
  // CHECK: max_length
  [[clang::annotate("ormc:column(max_lenght=20)")]] std::string a;
  // CHECK: unknown-key.hpp:[[@LINE+1]]:30: error: unknown key 'auto' for 'ormc:id' [unknown-key]
  [[clang::annotate("ormc:id(auto)")]] std::int64_t b;
  // Escapes before the key move it in the source; the column still points at the key.
  // CHECK: unknown-key.hpp:[[@LINE+1]]:51: error: unknown key 'uniq' for 'ormc:column'; did you mean 'unique'? [unknown-key]
  [[clang::annotate("ormc:column(name=\"x\\\"y\", uniq)")]] std::string c;
  // CHECK: unknown-key.hpp:[[@LINE+1]]:42: error: key 'name' is given more than once [duplicate-key]
  [[clang::annotate("ormc:column(name=a, name=b)")]] std::string d;
};
