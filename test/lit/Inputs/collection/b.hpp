#pragma once
#include "common.hpp"
struct Plain {
  struct [[clang::annotate("ormc:table")]] Nested {
    [[clang::annotate("ormc:id")]] std::int64_t id;
  };
};
