// A member whose type cannot be stored is an error that lists the supported types and offers
// ormc:ignore as a fix-it.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

struct [[clang::annotate("ormc:table")]] T {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  // CHECK: unsupported-type.hpp:[[@LINE+3]]:20: error: unsupported type 'std::string_view' for column 'view'; supported: bool, integers of 8 to 64 bits, enums, float, double, std::string, {{.*}}, ormc::decimal<precision, scale>, nlohmann::json (and any class marked ormc:column(json)), std::vector<float> and std::array<float, N> marked ormc:vector, any type with an ormc::converter<T> specialization, and std::optional of these (or mark the member ormc:ignore) [unsupported-type]
  // CHECK-NEXT: std::string_view view;
  // CHECK: {{\[\[}}clang::annotate("ormc:ignore")]]
  std::string_view view;
  // CHECK: unsupported-type.hpp:[[@LINE+1]]:22: error: unsupported type 'std::map<int, int>'
  std::map<int, int> counts;
  // CHECK: unsupported-type.hpp:[[@LINE+1]]:37: error: unsupported type 'std::optional<std::optional<int>>'
  std::optional<std::optional<int>> twice;
  // CHECK: unsupported-type.hpp:[[@LINE+1]]:15: error: unsupported type 'long double'
  long double precise;
  // CHECK: unsupported-type.hpp:[[@LINE+1]]:12: error: unsupported type 'char32_t'
  char32_t rune;
  // CHECK: unsupported-type.hpp:[[@LINE+1]]:8: error: unsupported type 'int *'
  int* pointer;
  // CHECK: unsupported-type.hpp:[[@LINE+1]]:13: error: unsupported type 'const int'
  const int fixed = 1;
};
