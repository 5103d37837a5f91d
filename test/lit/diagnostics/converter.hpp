// A converter ormc cannot use is an error at the member that needs it, saying what is missing.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s --implicit-check-not=error:
#pragma once
#include <cstdint>
#include <ormc/converter.hpp>
#include <string>

struct Declared {};
struct NoStoredType {};
struct StoresPointer {};
struct Plain {};
template <> struct ormc::converter<Declared>;
template <> struct ormc::converter<NoStoredType> {
  using type = std::string;
};
template <> struct ormc::converter<StoresPointer> {
  using stored_type = const char*;
};

struct [[clang::annotate("ormc:table")]] Holder {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  // CHECK: converter.hpp:[[@LINE+1]]:12: error: ormc::converter<Declared> is declared but not defined, so 'a' cannot be stored through it [converter]
  Declared a;
  // CHECK: converter.hpp:[[@LINE+1]]:16: error: ormc::converter<NoStoredType> has no member type 'stored_type' (using stored_type = ...;), so 'b' cannot be stored through it [converter]
  NoStoredType b;
  // CHECK: converter.hpp:[[@LINE+1]]:17: error: ormc::converter<StoresPointer>::stored_type 'const char *' of 'c' is not a type ormc stores; supported: {{.*}} [converter]
  StoresPointer c;
  // CHECK: converter.hpp:[[@LINE+1]]:9: error: unsupported type 'Plain' for column 'd'; supported: {{.*}}any type with an ormc::converter<T> specialization{{.*}} [unsupported-type]
  Plain d;
};
