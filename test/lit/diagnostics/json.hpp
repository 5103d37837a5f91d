// ormc:column(json) stores a class through to_json/from_json; on anything else it is an error.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s
#pragma once
#include <cstdint>

struct [[clang::annotate("ormc:table")]] Reading {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  // CHECK: json.hpp:[[@LINE+1]]:51: error: ormc:column(json) on 'value' of type 'double': a JSON column holds a class (nlohmann::json, a std::vector, a struct with to_json/from_json) [unsupported-type]
  [[clang::annotate("ormc:column(json)")]] double value;
};
